namespace CrossEntropy.Interactive.Charts;

/// <summary>
/// A linear decision boundary in the plane, W1·x₁ + W2·x₂ + Bias = 0: points where the left side is ≥ 0
/// are predicted as class 1.
/// </summary>
/// <param name="W1">Weight of the first coordinate.</param>
/// <param name="W2">Weight of the second coordinate.</param>
/// <param name="Bias">The constant term.</param>
/// <param name="Label">What to call this line on a slider (e.g. "step 3"); null for its position in the list.</param>
public sealed record DecisionLine(double W1, double W2, double Bias, string? Label = null)
{
    /// <summary>The score W1·x₁ + W2·x₂ + Bias of a point.</summary>
    public double Score(double x1, double x2) => (W1 * x1) + (W2 * x2) + Bias;
}
