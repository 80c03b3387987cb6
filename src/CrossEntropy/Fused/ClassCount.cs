namespace CrossEntropy.Fused;

/// <summary>
/// A class count known when the JIT compiles a kernel: each struct below is one constant, and a kernel generic
/// over it gets its own copy in which every per-class step is a straight line and unused classes vanish.
/// That lets a C &lt; 16 block live in registers from load to store instead of going through a stack tile.
/// </summary>
internal interface IClassCount
{
    /// <summary>The number of classes, 1 to 15.</summary>
    static abstract int Value { get; }
}

internal struct Classes1 : IClassCount { public static int Value => 1; }
internal struct Classes2 : IClassCount { public static int Value => 2; }
internal struct Classes3 : IClassCount { public static int Value => 3; }
internal struct Classes4 : IClassCount { public static int Value => 4; }
internal struct Classes5 : IClassCount { public static int Value => 5; }
internal struct Classes6 : IClassCount { public static int Value => 6; }
internal struct Classes7 : IClassCount { public static int Value => 7; }
internal struct Classes8 : IClassCount { public static int Value => 8; }
internal struct Classes9 : IClassCount { public static int Value => 9; }
internal struct Classes10 : IClassCount { public static int Value => 10; }
internal struct Classes11 : IClassCount { public static int Value => 11; }
internal struct Classes12 : IClassCount { public static int Value => 12; }
internal struct Classes13 : IClassCount { public static int Value => 13; }
internal struct Classes14 : IClassCount { public static int Value => 14; }
internal struct Classes15 : IClassCount { public static int Value => 15; }

/// <summary>A kernel compiled once per class count (see <see cref="ClassCounts.Run{TKernel}"/>).</summary>
internal interface IClassCountKernel
{
    /// <summary>Rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>) of a call with <typeparamref name="TC"/>.Value classes.</summary>
    static abstract double Run<TC>(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd) where TC : struct, IClassCount;
}

/// <summary>Picks the instance of a per-class-count kernel for a call's class count.</summary>
internal static class ClassCounts
{
    public static double Run<TKernel>(in SoftmaxCrossEntropyArgs a, int rowStart, int rowEnd) where TKernel : struct, IClassCountKernel =>
        a.Classes switch
        {
            1 => TKernel.Run<Classes1>(a, rowStart, rowEnd),
            2 => TKernel.Run<Classes2>(a, rowStart, rowEnd),
            3 => TKernel.Run<Classes3>(a, rowStart, rowEnd),
            4 => TKernel.Run<Classes4>(a, rowStart, rowEnd),
            5 => TKernel.Run<Classes5>(a, rowStart, rowEnd),
            6 => TKernel.Run<Classes6>(a, rowStart, rowEnd),
            7 => TKernel.Run<Classes7>(a, rowStart, rowEnd),
            8 => TKernel.Run<Classes8>(a, rowStart, rowEnd),
            9 => TKernel.Run<Classes9>(a, rowStart, rowEnd),
            10 => TKernel.Run<Classes10>(a, rowStart, rowEnd),
            11 => TKernel.Run<Classes11>(a, rowStart, rowEnd),
            12 => TKernel.Run<Classes12>(a, rowStart, rowEnd),
            13 => TKernel.Run<Classes13>(a, rowStart, rowEnd),
            14 => TKernel.Run<Classes14>(a, rowStart, rowEnd),
            15 => TKernel.Run<Classes15>(a, rowStart, rowEnd),
            _ => throw new ArgumentOutOfRangeException(nameof(a), $"{a.Classes} classes: the small-class kernels take 1 to 15 classes."),
        };
}
