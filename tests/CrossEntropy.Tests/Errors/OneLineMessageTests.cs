using CrossEntropy.Losses;
using CrossEntropy.Training;

namespace CrossEntropy.Tests.Errors;

/// <summary>
/// An out-of-range argument is reported in one line: the message names the value and what was expected, so .NET's
/// extra "Actual value was …" line (added when the value is passed to the exception) would only repeat it.
/// </summary>
public class OneLineMessageTests
{
    public static TheoryData<string, Action> OutOfRangeCalls => new()
    {
        { "Datasets.Students count 0", () => Datasets.Students(1, 0) },
        { "LogisticRegression features 0", () => _ = new LogisticRegression(0) },
        { "SoftmaxRegression classes 1", () => _ = new SoftmaxRegression(2, 1) },
        { "Fit with Epochs 0", () => new LogisticRegression(2).Fit(Datasets.Students(1, 10), new TrainingOptions { Epochs = 0 }) },
        { "Torch reduction 7", () => CrossEntropy.Torch.CrossEntropyLoss(new double[,] { { 1, 2 } }, [0], (Reduction)7) },
        { "Information log base 9", () => Information.Entropy([0.5, 0.5], (LogBase)9) },
        { "Keras reduction 42", () => KerasBinaryCrossEntropy.Forward<double>([1.0], [0.5], 1, reduction: (KerasReduction)42) },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeCalls))]
    public void An_out_of_range_argument_is_one_line_that_names_the_value_and_the_expectation(string call, Action act)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(act);
        Assert.False(e.Message.Contains('\n'), $"{call}: {e.Message}");
        Assert.Contains("expected", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(Parameter '{e.ParamName}')", e.Message, StringComparison.Ordinal);
    }
}
