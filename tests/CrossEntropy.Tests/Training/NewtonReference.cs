using CrossEntropy.Training;

namespace CrossEntropy.Tests.Training;

/// <summary>
/// An independent reference for the logistic-regression optimum: Newton's method on the mean binary
/// cross-entropy, written here from the formulas (not through the library's kernels). It converges
/// quadratically, so 50 iterations reach the minimum to machine precision.
/// </summary>
internal static class NewtonReference
{
    public static (double[] Weights, double Bias, double Loss) Optimum(Dataset data, int iterations = 50)
    {
        var f = data.FeatureCount;
        var p = f + 1; // weights then bias
        var theta = new double[p];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[p];
            var hessian = new double[p, p];
            for (var n = 0; n < data.Count; n++)
            {
                var x = Augmented(data, n);
                var prob = Sigmoid(Dot(theta, x));
                var r = prob - data.Labels[n];
                var s = prob * (1 - prob);
                for (var i = 0; i < p; i++)
                {
                    gradient[i] += r * x[i] / data.Count;
                    for (var j = 0; j < p; j++)
                        hessian[i, j] += s * x[i] * x[j] / data.Count;
                }
            }

            var delta = Solve(hessian, gradient);
            for (var i = 0; i < p; i++) theta[i] -= delta[i];
        }

        var loss = 0.0;
        for (var n = 0; n < data.Count; n++)
        {
            var z = Dot(theta, Augmented(data, n));
            // −[y log σ(z) + (1 − y) log(1 − σ(z))] = softplus(z) − y·z, in its overflow-free form.
            loss += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - data.Labels[n] * z;
        }

        return (theta[..f], theta[f], loss / data.Count);
    }

    private static double[] Augmented(Dataset data, int row) => [.. data.Row(row).ToArray(), 1.0];

    private static double Dot(double[] a, double[] b) => a.Zip(b, (u, v) => u * v).Sum();

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    // Gaussian elimination with partial pivoting; the Hessian is small (features + 1).
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(m[r, col]));
            for (var k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            (x[col], x[pivot]) = (x[pivot], x[col]);
            for (var r = col + 1; r < n; r++)
            {
                var factor = m[r, col] / m[col, col];
                for (var k = col; k < n; k++) m[r, k] -= factor * m[col, k];
                x[r] -= factor * x[col];
            }
        }

        for (var r = n - 1; r >= 0; r--)
        {
            for (var k = r + 1; k < n; k++) x[r] -= m[r, k] * x[k];
            x[r] /= m[r, r];
        }

        return x;
    }
}
