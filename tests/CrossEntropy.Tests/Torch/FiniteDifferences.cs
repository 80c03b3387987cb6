namespace CrossEntropy.Tests.Torch;

/// <summary>Central finite differences of a scalar objective, for checking analytic gradients in double.</summary>
internal static class FiniteDifferences
{
    public static double[] Gradient(double[] x, Func<double[], double> objective)
    {
        var gradient = new double[x.Length];
        var probe = (double[])x.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(x[i]));
            probe[i] = x[i] + h;
            var up = objective(probe);
            probe[i] = x[i] - h;
            var down = objective(probe);
            probe[i] = x[i];
            gradient[i] = (up - down) / (2 * h);
        }
        return gradient;
    }

    public static void AssertClose(double[] analytic, double[] numeric, string what)
    {
        Assert.Equal(numeric.Length, analytic.Length);
        for (var i = 0; i < analytic.Length; i++)
        {
            var tolerance = 1e-6 * Math.Max(1, Math.Abs(numeric[i]));
            Assert.True(Math.Abs(analytic[i] - numeric[i]) <= tolerance,
                $"{what}[{i}]: analytic {analytic[i]:R} vs finite difference {numeric[i]:R}");
        }
    }

    /// <summary>Σ gradOutput·losses: the scalar an unreduced loss is differentiated through.</summary>
    public static double Dot(double[] gradOutput, double[] losses)
    {
        var sum = 0.0;
        for (var i = 0; i < losses.Length; i++) sum += gradOutput[i] * losses[i];
        return sum;
    }
}
