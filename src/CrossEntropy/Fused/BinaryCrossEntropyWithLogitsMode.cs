namespace CrossEntropy.Fused;

/// <summary>
/// What a BCE-with-logits kernel instance computes, fixed at JIT time: the kernel is generic over a struct of this
/// interface, so the JIT folds every "is there a weight / a loss / a gradient" test away in the plain instances.
/// The plain case (no weight, pos_weight, per-element upstream or per-element losses) is what training loops call;
/// without the folded branches its loop body is about a quarter shorter.
/// </summary>
internal interface IBinaryCrossEntropyMode
{
    /// <summary>Whether weight, pos_weight, a per-element upstream gradient or per-element losses may be present (tested at run time).</summary>
    static abstract bool Extras { get; }

    /// <summary>Whether the loss is computed (only read when <see cref="Extras"/> is false; the general instance reads the arguments).</summary>
    static abstract bool Loss { get; }

    /// <summary>Whether the gradient is written (as <see cref="Loss"/>).</summary>
    static abstract bool Gradient { get; }
}

/// <summary>Any combination of options: every test is made at run time from the arguments.</summary>
internal readonly struct GeneralBinaryMode : IBinaryCrossEntropyMode
{
    public static bool Extras => true;
    public static bool Loss => true;
    public static bool Gradient => true;
}

/// <summary>No extras; loss and gradient.</summary>
internal readonly struct PlainForwardBackwardMode : IBinaryCrossEntropyMode
{
    public static bool Extras => false;
    public static bool Loss => true;
    public static bool Gradient => true;
}

/// <summary>No extras; loss only.</summary>
internal readonly struct PlainForwardMode : IBinaryCrossEntropyMode
{
    public static bool Extras => false;
    public static bool Loss => true;
    public static bool Gradient => false;
}

/// <summary>No extras; gradient only.</summary>
internal readonly struct PlainBackwardMode : IBinaryCrossEntropyMode
{
    public static bool Extras => false;
    public static bool Loss => false;
    public static bool Gradient => true;
}
