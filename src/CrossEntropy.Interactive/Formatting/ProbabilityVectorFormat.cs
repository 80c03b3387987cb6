using System.Globalization;
using System.Text;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>A probability vector as a row of labelled bars: value above, bar, class label and score below.</summary>
internal static class ProbabilityVectorFormat
{
    private const double TallestBarPixels = 120;
    private const int TextBarWidth = 30;

    public static string Html(ProbabilityVector vector)
    {
        var (labels, scores, probabilities) = Parts(vector);
        var html = Formatting.Html.Begin("ce-probabilities", Caption(vector, probabilities.Count), Summary(vector, probabilities));
        html.Append("<div class=\"ce-bars\">");
        var shown = ReportText.Shown(probabilities.Count);
        for (var i = 0; i < shown; i++)
        {
            var p = probabilities[i];
            var height = double.IsFinite(p) ? Math.Clamp(p, 0, 1) * TallestBarPixels : 0;
            var tip = $"{labels[i]}: p = {NumberText.Exact(p)}" + (i < scores.Count ? $", score = {NumberText.Exact(scores[i])}" : "");
            html.Append("<div class=\"ce-bar-col\" title=\"").Append(Formatting.Html.Escape(tip)).Append("\">");
            html.Append("<div class=\"ce-bar-value\">").Append(Formatting.Html.Escape(NumberText.Short(p))).Append("</div>");
            html.Append("<div class=\"ce-bar\" style=\"height:").Append(height.ToString("0.#", CultureInfo.InvariantCulture)).Append("px\"></div>");
            html.Append("<div class=\"ce-bar-label\">").Append(Formatting.Html.Escape(labels[i])).Append("</div>");
            if (i < scores.Count)
            {
                html.Append("<div class=\"ce-bar-score\">score ").Append(Formatting.Html.Escape(NumberText.Short(scores[i]))).Append("</div>");
            }

            html.Append("</div>");
        }

        html.Append("</div>");
        if (probabilities.Count > shown)
        {
            html.Append("<div class=\"ce-meta\">").Append(Formatting.Html.Escape(Formatting.Html.MoreText(probabilities.Count - shown, "classes"))).Append("</div>");
        }

        return Formatting.Html.End(html);
    }

    public static string PlainText(ProbabilityVector vector)
    {
        var (labels, scores, probabilities) = Parts(vector);
        var text = new StringBuilder();
        text.Append(Caption(vector, probabilities.Count)).Append('\n');
        var label = vector.IsDistribution ? "class" : "#";
        var table = new PlainTable(scores.Count > 0 ? [label, "score", "p", ""] : [label, "p", ""]);
        var shown = ReportText.Shown(probabilities.Count);
        for (var i = 0; i < shown; i++)
        {
            var p = probabilities[i];
            var bar = new string('█', double.IsFinite(p) ? (int)Math.Round(Math.Clamp(p, 0, 1) * TextBarWidth) : 0);
            table.Row(i < scores.Count ? [labels[i], NumberText.Short(scores[i]), NumberText.Short(p), bar] : [labels[i], NumberText.Short(p), bar]);
        }

        if (probabilities.Count > shown)
        {
            table.Note(Formatting.Html.MoreText(probabilities.Count - shown, "classes"));
        }

        table.Note(Summary(vector, probabilities));
        table.WriteTo(text);
        return text.ToString();
    }

    // Softmax probabilities share one unit of belief, so their sum (1) is a check; sigmoid ones are independent.
    private static string Summary(ProbabilityVector vector, IReadOnlyList<double> probabilities) => vector.IsDistribution
        ? $"sum of probabilities: {NumberText.Short(probabilities.Sum())}"
        : "each score has its own probability (they need not sum to 1)";

    private static string Caption(ProbabilityVector vector, int count) =>
        $"{(string.IsNullOrWhiteSpace(vector.Activation) ? "probabilities" : vector.Activation)} of {NumberText.Integer(count)} score{(count == 1 ? "" : "s")}";

    // Missing labels fall back to the position, so a vector built by hand without labels still formats.
    private static (IReadOnlyList<string> Labels, IReadOnlyList<double> Scores, IReadOnlyList<double> Probabilities) Parts(ProbabilityVector vector)
    {
        IReadOnlyList<double> probabilities = vector.Probabilities.IsDefault ? [] : vector.Probabilities;
        IReadOnlyList<double> scores = vector.Scores.IsDefault ? [] : vector.Scores;
        var given = vector.Labels.IsDefault ? [] : vector.Labels;
        var labels = Enumerable.Range(0, probabilities.Count).Select(i => i < given.Length ? given[i] : NumberText.Integer(i)).ToList();
        return (labels, scores, probabilities);
    }
}
