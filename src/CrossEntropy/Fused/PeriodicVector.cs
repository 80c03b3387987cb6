using System.Runtime.CompilerServices;

namespace CrossEntropy.Fused;

/// <summary>
/// Reads W consecutive elements of a broadcast vector v[i mod P] (a weight over the trailing dimensions)
/// as one vector, for chunk starts that advance by W. Short periods are unrolled into a tile once, so every
/// read is a single load; long periods load directly and only the chunk that wraps is assembled by hand.
/// </summary>
internal unsafe struct PeriodicVector
{
    /// <summary>Periods up to this length are tiled (the tile takes P + 16 floats of the caller's stack).</summary>
    public const int MaxTiledPeriod = 256;

    /// <summary>Stack floats a caller provides for <see cref="Start"/>.</summary>
    public const int ScratchLength = MaxTiledPeriod + 16 + 16;

    private float* _source;
    private float* _scratch;
    private int _period;
    private int _offset;
    private int _step;
    private bool _tiled;

    /// <summary>Positions the reader at global element <paramref name="index"/>; <paramref name="scratch"/> holds <see cref="ScratchLength"/> floats.</summary>
    public static PeriodicVector Start(float* source, int period, long index, int width, float* scratch)
    {
        var p = new PeriodicVector
        {
            _source = source, _period = period, _scratch = scratch,
            _offset = (int)(index % period), _step = width % period, _tiled = period <= MaxTiledPeriod,
        };
        if (p._tiled)
            for (var k = 0; k < period + width; k++) scratch[k] = source[k % period];
        return p;
    }

    /// <summary>The W elements at the current position, then advances by W.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Next<TV, TS>() where TV : struct where TS : struct, ISimd<TV>
    {
        TV v;
        if (_tiled) v = TS.Load(_scratch + _offset);
        else if (_offset + TS.Count <= _period) v = TS.Load(_source + _offset);
        else
        {
            var wrap = _scratch + MaxTiledPeriod + 16;
            for (var k = 0; k < TS.Count; k++) wrap[k] = _source[(_offset + k) % _period];
            v = TS.Load(wrap);
        }
        _offset += _step;
        if (_offset >= _period) _offset -= _period;
        return v;
    }
}
