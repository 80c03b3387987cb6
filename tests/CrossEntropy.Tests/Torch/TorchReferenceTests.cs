using CrossEntropy.Tests.Reference;

namespace CrossEntropy.Tests.Torch;

/// <summary>
/// Every libtorch reference case, replayed in float32 (against libtorch's float32 run, with the case's tolerance)
/// and in float64 (against libtorch's float64 run, to 1e-10 relative).
/// </summary>
public class TorchReferenceTests
{
    private const double DoubleRtol = 1e-10;
    private const double DoubleAtol = 1e-12;

    public static TheoryData<string> Activations => ReferenceCases.Ids("torch_activations");
    public static TheoryData<string> Bce => ReferenceCases.Ids("torch_bce");
    public static TheoryData<string> CrossEntropy => ReferenceCases.Ids("torch_cross_entropy");
    public static TheoryData<string> NllKl => ReferenceCases.Ids("torch_nll_kl");
    public static TheoryData<string> Article => ReferenceCases.Ids("torch_article");

    [Theory, MemberData(nameof(Activations))]
    public void Activation_matches_libtorch_float32(string id) => Float32("torch_activations", id);

    [Theory, MemberData(nameof(Activations))]
    public void Activation_matches_libtorch_float64(string id) => Float64("torch_activations", id);

    [Theory, MemberData(nameof(Bce))]
    public void Binary_cross_entropy_matches_libtorch_float32(string id) => Float32("torch_bce", id);

    [Theory, MemberData(nameof(Bce))]
    public void Binary_cross_entropy_matches_libtorch_float64(string id) => Float64("torch_bce", id);

    [Theory, MemberData(nameof(CrossEntropy))]
    public void Cross_entropy_matches_libtorch_float32(string id) => Float32("torch_cross_entropy", id);

    [Theory, MemberData(nameof(CrossEntropy))]
    public void Cross_entropy_matches_libtorch_float64(string id) => Float64("torch_cross_entropy", id);

    [Theory, MemberData(nameof(NllKl))]
    public void Nll_and_kl_div_match_libtorch_float32(string id) => Float32("torch_nll_kl", id);

    [Theory, MemberData(nameof(NllKl))]
    public void Nll_and_kl_div_match_libtorch_float64(string id) => Float64("torch_nll_kl", id);

    [Theory, MemberData(nameof(Article))]
    public void Tutorial_pytorch_example_matches_libtorch_float32(string id) => Float32("torch_article", id);

    [Theory, MemberData(nameof(Article))]
    public void Tutorial_pytorch_example_matches_libtorch_float64(string id) => Float64("torch_article", id);

    private static void Float32(string file, string id)
    {
        var c = ReferenceCases.Get(file, id);
        var result = TorchCaseRunner.Run<float>(c);
        Compare(c, c.Outputs, c.Grads, result, c.Rtol, c.Atol);
    }

    private static void Float64(string file, string id)
    {
        var c = ReferenceCases.Get(file, id);
        Assert.NotNull(c.F64Outputs);
        Assert.NotNull(c.F64Grads);
        var result = TorchCaseRunner.Run<double>(c);
        Compare(c, c.F64Outputs, c.F64Grads, result, DoubleRtol, DoubleAtol);
    }

    private static void Compare(RefCase c, Dictionary<string, RefTensor> outputs, Dictionary<string, RefTensor> grads,
        TorchCaseRunner.Result result, double rtol, double atol)
    {
        Assert.NotEmpty(outputs);
        foreach (var (name, expected) in outputs)
        {
            Assert.True(result.Outputs.ContainsKey(name), $"{c.Id}: no output {name}");
            RefAssert.Close(expected.Data, result.Outputs[name], rtol, atol, $"{c.Id} output {name}");
        }
        Assert.NotEmpty(grads);
        foreach (var (name, expected) in grads)
        {
            Assert.True(result.Grads.ContainsKey(name), $"{c.Id}: no gradient for {name}");
            RefAssert.Close(expected.Data, result.Grads[name], rtol, atol, $"{c.Id} grad {name}");
        }
    }
}
