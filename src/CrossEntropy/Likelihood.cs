using System.Collections.Immutable;
using CrossEntropy.Internal;
using CrossEntropy.Reports;

namespace CrossEntropy;

/// <summary>
/// Likelihood of observed outcomes under competing models: the product of the probabilities each model gave
/// to what actually happened, and its logarithm, whose negative is the summed cross-entropy.
/// </summary>
/// <remarks>
/// <para>For n observed outcomes with model probabilities p₁ … pₙ of those outcomes:
/// likelihood L = Πᵢ pᵢ, log-likelihood ℓ = Σᵢ log pᵢ, cross-entropy −ℓ and mean cross-entropy −ℓ / n.</para>
/// <para>The product underflows to 0 for long sequences (a few hundred samples of p ≈ 0.1 in double), which is why
/// losses are sums of logs; the log sum is computed term by term and never underflows. A probability of 0 gives
/// ℓ = −∞ and an infinite cross-entropy.</para>
/// </remarks>
public static class Likelihood
{
    /// <summary>The likelihood Πᵢ pᵢ of a sequence of outcomes (may underflow to 0 for long sequences).</summary>
    /// <param name="probabilities">The probability of each observed outcome, in [0, 1].</param>
    /// <returns>The product.</returns>
    /// <exception cref="ArgumentException">Null or empty input, or a value outside [0, 1] or NaN.</exception>
    public static double Product(double[] probabilities)
    {
        Check(probabilities, nameof(probabilities));
        var product = 1.0;
        foreach (var p in probabilities) product *= p;
        return product;
    }

    /// <summary>−Σᵢ log pᵢ in the chosen base: the summed cross-entropy of the observed outcomes.</summary>
    /// <param name="probabilities">The probability of each observed outcome, in [0, 1].</param>
    /// <param name="logBase">The base of the logarithm (the source article's worked numbers use base 10).</param>
    /// <returns>The negative log sum, ≥ 0 (+∞ when some probability is 0).</returns>
    /// <exception cref="ArgumentException">Null or empty input, or a value outside [0, 1] or NaN.</exception>
    public static double NegativeLogSum(double[] probabilities, LogBase logBase = LogBase.E)
    {
        Check(probabilities, nameof(probabilities));
        return -LogSum(probabilities) * logBase.FromNats();
    }

    /// <summary>
    /// The probability a model gave to what actually happened, for binary outcomes: p(y = 1) where the outcome
    /// was 1 and 1 − p(y = 1) where it was 0. This is the list that <see cref="Product"/> and
    /// <see cref="NegativeLogSum"/> take.
    /// </summary>
    /// <param name="outcomes">What happened, 0 or 1 per sample.</param>
    /// <param name="probabilityOfOne">The model's probability that each outcome is 1.</param>
    /// <returns>A new array, one probability per sample.</returns>
    /// <exception cref="ArgumentException">Null, empty or mismatched arrays, an outcome other than 0/1, or a probability outside [0, 1].</exception>
    public static double[] OfOutcomes(int[] outcomes, double[] probabilityOfOne)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        Check(probabilityOfOne, nameof(probabilityOfOne));
        Guard.SameLength<double, int>(probabilityOfOne, nameof(probabilityOfOne), outcomes, nameof(outcomes));
        Guard.BinaryLabels(outcomes, nameof(outcomes));
        var result = new double[outcomes.Length];
        for (var i = 0; i < result.Length; i++)
            result[i] = outcomes[i] == 1 ? probabilityOfOne[i] : 1 - probabilityOfOne[i];
        return result;
    }

    /// <summary>
    /// Scores several models on the same observations: likelihood, log-likelihood, summed and mean cross-entropy.
    /// The best model has the largest likelihood and the smallest cross-entropy.
    /// </summary>
    /// <param name="logBase">The base of every logarithm in the comparison.</param>
    /// <param name="models">Each model's name and the probabilities it gave to the observed outcomes.</param>
    /// <returns>One <see cref="ModelScore"/> per model, in input order.</returns>
    /// <exception cref="ArgumentException">No models, a null or blank name, or invalid probabilities (the message names the model).</exception>
    public static ModelComparison Compare(LogBase logBase, params (string Name, double[] Probabilities)[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Length == 0)
            throw new ArgumentException("models is empty: expected at least one (name, probabilities) pair.", nameof(models));
        var factor = logBase.FromNats();
        var scores = ImmutableArray.CreateBuilder<ModelScore>(models.Length);
        for (var m = 0; m < models.Length; m++)
        {
            var (name, probabilities) = models[m];
            if (string.IsNullOrWhiteSpace(name))
                throw new ArgumentException($"models[{m}] has no name: expected a label such as \"A\".", nameof(models));
            Check(probabilities, $"models[{m}] ({name}) probabilities");
            var logLikelihood = LogSum(probabilities) * factor;
            scores.Add(new ModelScore(name, [.. probabilities], Product(probabilities), logLikelihood,
                -logLikelihood, -logLikelihood / probabilities.Length));
        }
        return new ModelComparison(logBase, scores.MoveToImmutable());
    }

    private static double LogSum(double[] probabilities)
    {
        var sum = 0.0;
        foreach (var p in probabilities) sum += Math.Log(p);
        return sum;
    }

    private static void Check(double[]? probabilities, string name)
    {
        if (probabilities is null)
            throw new ArgumentNullException(name, $"{name} is null: expected an array of probabilities.");
        Guard.NotEmpty<double>(probabilities, name);
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            if (double.IsNaN(p) || p < 0 || p > 1)
                throw new ArgumentOutOfRangeException(name, $"{name}[{i}] = {Guard.Format(p)} is outside [0, 1]: expected the probability of an observed outcome.");
        }
    }
}
