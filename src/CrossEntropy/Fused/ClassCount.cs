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
