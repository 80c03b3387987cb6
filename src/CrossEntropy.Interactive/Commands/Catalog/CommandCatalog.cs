namespace CrossEntropy.Interactive.Commands.Catalog;

/// <summary>
/// The single description of the <c>#!cross-entropy</c> language: subcommands, options, usage lines and
/// examples. The tokenizer (which options are flags), the parser (which options exist), the help text
/// and extension.dib's declarations all read it, so they cannot drift apart.
/// </summary>
public static class CommandCatalog
{
    /// <summary>The directive as typed at the start of a line.</summary>
    public const string DirectiveName = "#!cross-entropy";

    private static readonly string[] s_logBases = ["e", "2", "10"];
    private static readonly string[] s_reductions = ["mean", "sum", "none"];

    private static OptionSpec Flag(string name, string description) => new(name, OptionKind.Flag, description, []);
    private static OptionSpec Data(string name, OptionKind kind, string description) => new(name, kind, description, []);

    private static readonly OptionSpec s_help = Flag("--help", "Show this subcommand's usage and example.");
    private static readonly OptionSpec s_chart = Flag("--chart", "Also draw a chart after the table.");
    private static readonly OptionSpec s_logBase = new("--log-base", OptionKind.Choice, "Base of the logarithm: e (nats, default), 2 (bits) or 10.", s_logBases);
    private static readonly OptionSpec s_reduction = new("--reduction", OptionKind.Choice, "How per-sample losses combine: mean (default), sum or none.", s_reductions);

    /// <summary>Every subcommand, in the order help lists them.</summary>
    public static IReadOnlyList<SubcommandSpec> Subcommands { get; } =
    [
        new("binary",
            "Binary cross-entropy of 0/1 labels against predicted probabilities (PyTorch BCELoss) or logits (BCEWithLogitsLoss).",
            """#!cross-entropy binary --labels "1 0 1 1" (--probabilities "0.8 0.4 0.7 0.9" | --logits "…") [--log-base e|2|10] [--reduction mean|sum|none] [--chart]""",
            """#!cross-entropy binary --labels "0 0 1 1" --probabilities "0.2 0.4 0.7 0.9" --log-base 10 --reduction sum""",
            [
                Data("--labels", OptionKind.Numbers, "The true labels, 0 or 1 (soft labels in [0, 1] allowed)."),
                Data("--probabilities", OptionKind.Numbers, "Predicted probability of class 1 per sample, in [0, 1]."),
                Data("--logits", OptionKind.Numbers, "Raw scores instead of probabilities (sigmoid applied inside, stably)."),
                s_logBase, s_reduction, s_chart, s_help,
            ]),
        new("categorical",
            "Multi-class cross-entropy of class labels against rows of probabilities (Keras CategoricalCrossentropy) or logits (PyTorch CrossEntropyLoss).",
            """#!cross-entropy categorical [--classes "orange apple lemon"] --labels "orange lemon lemon" (--probabilities "0.7 0.2 0.1; …" | --logits "…; …") [--log-base e|2|10] [--reduction mean|sum|none] [--chart]""",
            """#!cross-entropy categorical --classes "orange apple lemon" --labels "orange lemon lemon" --probabilities "0.7 0.2 0.1; 0.3 0.4 0.3; 0.1 0.5 0.4" --log-base 10 --reduction sum""",
            [
                Data("--classes", OptionKind.Names, "Class names, one per column (default 0, 1, 2, …)."),
                Data("--labels", OptionKind.Names, "The true class of each sample: a class name or a 0-based class index."),
                Data("--probabilities", OptionKind.Rows, "One row of class probabilities per sample, rows separated by ';'."),
                Data("--logits", OptionKind.Rows, "One row of raw class scores per sample (softmax applied inside, stably)."),
                s_logBase, s_reduction, s_chart, s_help,
            ]),
        new("softmax",
            "Turn scores into probabilities that sum to 1.",
            """#!cross-entropy softmax --scores "2 1 -1" [--classes "blue green red"] [--chart]""",
            """#!cross-entropy softmax --scores "2 1 -1" --classes "blue green red" """.TrimEnd(),
            [
                Data("--scores", OptionKind.Numbers, "The raw scores (logits)."),
                Data("--classes", OptionKind.Names, "A name per score (default 0, 1, 2, …)."),
                s_chart, s_help,
            ]),
        new("sigmoid",
            "Turn each score into a probability with the logistic function 1 / (1 + e^-x).",
            """#!cross-entropy sigmoid --scores "-2 0 2" [--chart]""",
            """#!cross-entropy sigmoid --scores "-2 0 2" --chart""",
            [
                Data("--scores", OptionKind.Numbers, "The raw scores (logits)."),
                s_chart, s_help,
            ]),
        new("compare",
            "Compare models by the probabilities they gave to what happened: product, log-likelihood and cross-entropy side by side.",
            """#!cross-entropy compare --models "A: 0.1 0.7 0.6 0.2; B: 0.8 0.6 0.7 0.9" [--log-base e|2|10] [--chart]""",
            """#!cross-entropy compare --models "A: 0.1 0.7 0.6 0.2; B: 0.8 0.6 0.7 0.9" --log-base 10""",
            [
                Data("--models", OptionKind.Models, "Per model, 'name: probabilities of the true outcomes', models separated by ';'."),
                s_logBase, s_chart, s_help,
            ]),
        new("entropy",
            "Entropy H(p), and with --q the cross-entropy H(p, q) and the KL divergence KL(p‖q).",
            """#!cross-entropy entropy --p "0.5 0.5" [--q "0.9 0.1"] [--log-base e|2|10]""",
            """#!cross-entropy entropy --p "0.5 0.5" --q "0.9 0.1" --log-base 2""",
            [
                Data("--p", OptionKind.Numbers, "The true distribution (rescaled to sum to 1 with a warning if it does not)."),
                Data("--q", OptionKind.Numbers, "The predicted distribution, same length as p."),
                s_logBase, s_help,
            ]),
        new("curve",
            "The penalty curve −log(p) of binary cross-entropy (both label branches), with your samples marked.",
            """#!cross-entropy curve [--labels "1 0 1 1" --probabilities "0.8 0.4 0.7 0.9"] [--log-base e|2|10]""",
            """#!cross-entropy curve --labels "0 0 1 1" --probabilities "0.2 0.4 0.7 0.9" """.TrimEnd(),
            [
                Data("--labels", OptionKind.Numbers, "Labels (0 or 1) of samples to mark on the curve."),
                Data("--probabilities", OptionKind.Numbers, "Predicted probabilities of class 1 of those samples."),
                s_logBase, s_help,
            ]),
        new("help",
            "Show the usage of every subcommand, or of one.",
            "#!cross-entropy help [binary|categorical|softmax|sigmoid|compare|entropy|curve]",
            "#!cross-entropy help binary",
            [
                new("--topic", OptionKind.Word, "The subcommand to explain (may be given without --topic).",
                    ["binary", "categorical", "softmax", "sigmoid", "compare", "entropy", "curve"], AllowImplicitName: true),
                s_help,
            ]),
    ];

    /// <summary>The usage line of the bare directive.</summary>
    public static string DirectiveUsage { get; } =
        $"{DirectiveName} <{string.Join('|', Subcommands.Select(s => s.Name))}> [options]; {DirectiveName} help <subcommand> explains one";

    /// <summary>The subcommand named <paramref name="name"/> (exact, case-sensitive), or null.</summary>
    public static SubcommandSpec? Find(string name) => Subcommands.FirstOrDefault(s => s.Name == name);
}
