using System.Text;
using CrossEntropy.Reports;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>Models side by side: the probabilities each gave to what happened, their product, log-likelihood and cross-entropy; the best row highlighted.</summary>
internal static class ModelComparisonFormat
{
    /// <summary>How many of a model's probabilities are listed in its row before "…".</summary>
    private const int ListedProbabilities = 8;

    public static string Html(ModelComparison comparison)
    {
        var unit = comparison.LogBase.Unit();
        var best = Best(comparison);
        var html = Formatting.Html.Begin("ce-comparison", "Model comparison", Meta(comparison));
        html.Append("<table>");
        string[] headings = ["model", "probabilities of what happened", "product (likelihood)", $"log-likelihood ({unit})", $"cross-entropy, sum ({unit})", $"cross-entropy, mean ({unit})"];
        Formatting.Html.HeaderRow(html, headings, textColumns: 2);
        html.Append("<tbody>");
        var shown = ReportText.Shown(comparison.Models.Length);
        for (var i = 0; i < shown; i++)
        {
            var model = comparison.Models[i];
            html.Append(i == best ? "<tr class=\"ce-best\">" : "<tr>");
            Formatting.Html.TextCell(html, i == best ? $"{model.Name} (best)" : model.Name);
            html.Append("<td class=\"ce-text\" title=\"").Append(Formatting.Html.Escape(string.Join(", ", Values(model).Select(NumberText.Exact)))).Append("\">")
                .Append(Formatting.Html.Escape(ShortList(model))).Append("</td>");
            Formatting.Html.NumberCell(html, model.Product);
            Formatting.Html.NumberCell(html, model.LogLikelihood);
            Formatting.Html.NumberCell(html, model.CrossEntropy);
            Formatting.Html.NumberCell(html, model.MeanCrossEntropy);
            html.Append("</tr>");
        }

        Formatting.Html.MoreRow(html, comparison.Models.Length - shown, headings.Length, "models");
        html.Append("</tbody></table>");
        return Formatting.Html.End(html);
    }

    public static string PlainText(ModelComparison comparison)
    {
        var unit = comparison.LogBase.Unit();
        var best = Best(comparison);
        var text = new StringBuilder();
        text.Append("Model comparison · ").Append(Meta(comparison)).Append('\n');
        var table = new PlainTable("model", "product", $"log-lik ({unit})", $"CE sum ({unit})", $"CE mean ({unit})", "probabilities");
        var shown = ReportText.Shown(comparison.Models.Length);
        for (var i = 0; i < shown; i++)
        {
            var model = comparison.Models[i];
            table.Row(i == best ? $"{model.Name} (best)" : model.Name, NumberText.Short(model.Product), NumberText.Short(model.LogLikelihood),
                NumberText.Short(model.CrossEntropy), NumberText.Short(model.MeanCrossEntropy), ShortList(model));
        }

        if (comparison.Models.Length > shown)
        {
            table.Note(Formatting.Html.MoreText(comparison.Models.Length - shown, "models"));
        }

        table.WriteTo(text);
        return text.ToString();
    }

    private static string Meta(ModelComparison comparison) =>
        $"{ReportText.LogBaseLine(comparison.LogBase)} · higher likelihood = lower cross-entropy = better";

    /// <summary>The model with the lowest summed cross-entropy, or −1 when there is none (or all are NaN).</summary>
    private static int Best(ModelComparison comparison)
    {
        var best = -1;
        for (var i = 0; i < comparison.Models.Length; i++)
        {
            var ce = comparison.Models[i].CrossEntropy;
            if (!double.IsNaN(ce) && (best < 0 || ce < comparison.Models[best].CrossEntropy))
            {
                best = i;
            }
        }

        return comparison.Models.Length > 1 ? best : -1;
    }

    private static IReadOnlyList<double> Values(ModelScore model) => model.Probabilities.IsDefault ? [] : model.Probabilities;

    private static string ShortList(ModelScore model)
    {
        var values = Values(model);
        var listed = string.Join(" ", values.Take(ListedProbabilities).Select(NumberText.Short));
        return values.Count > ListedProbabilities ? $"{listed} … ({NumberText.Integer(values.Count)} in all)" : listed;
    }
}
