using CrossEntropy.Notebooks.Ipynb;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>Turns a displayed value into a mime bundle (the seam between the runner and the formatters).</summary>
internal interface IValueFormatter
{
    /// <summary>Formats <paramref name="value"/> as text/html and text/plain.</summary>
    MimeBundle Format(object? value);
}
