using CrossEntropy.Tests.Reference;

namespace CrossEntropy.Tests.KerasLosses;

/// <summary>Every case of keras_losses.json: float32 at the case tolerance, double to ~1e-12, values and gradients.</summary>
public class KerasReferenceTests
{
    public static TheoryData<string> Cases => ReferenceCases.Ids("keras_losses");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float32_matches_the_reference_at_the_case_tolerance(string id)
    {
        var c = ReferenceCases.Get("keras_losses", id);
        Check(c, KerasReferenceRunner.Run<float>(c), c.Rtol, c.Atol);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Float64_matches_the_reference_to_about_1e_12(string id)
    {
        var c = ReferenceCases.Get("keras_losses", id);
        Check(c, KerasReferenceRunner.Run<double>(c), 1e-12, 1e-13);
    }

    private static void Check(RefCase c, KerasReferenceRunner.Result actual, double rtol, double atol)
    {
        RefAssert.Close(c.Outputs["loss"].Data, actual.Loss, rtol, atol, $"{c.Id} loss");
        RefAssert.Close(c.Outputs["per_sample"].Data, actual.PerSample, rtol, atol, $"{c.Id} per_sample");
        Assert.True(c.Grads.ContainsKey("y_pred"), $"{c.Id} has no gradient to compare");
        RefAssert.Close(c.Grads["y_pred"].Data, actual.Gradient, rtol, atol, $"{c.Id} grad");
    }
}
