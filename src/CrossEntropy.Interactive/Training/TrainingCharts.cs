using CrossEntropy.Interactive.Charts;
using CrossEntropy.Tracking;
using CrossEntropy.Training;

namespace CrossEntropy.Interactive.Training;

/// <summary>
/// Charts of training: loss curves of one run or several overlaid (from histories or from the run tracker),
/// and the students model's decision boundary over its data.
/// </summary>
public static class TrainingCharts
{
    /// <summary>Training loss (solid) and validation loss (dashed) of one run, with accuracy on a second axis if asked.</summary>
    /// <exception cref="ArgumentException">When the history has no steps.</exception>
    public static PlotlyChart LossCurves(TrainingHistory history, string title = "Loss over training steps", bool showAccuracy = true)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Curves([("", history.Steps)], title, showAccuracy);
    }

    /// <summary>Several runs overlaid (e.g. three learning rates): one colour per run, validation dashed.</summary>
    /// <exception cref="ArgumentException">When there are no runs or a run has no steps.</exception>
    public static PlotlyChart Compare(IEnumerable<(string Name, TrainingHistory History)> runs, string title = "Loss over training steps", bool showAccuracy = false)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return Curves([.. runs.Select(r => (r.Name, r.History.Steps))], title, showAccuracy);
    }

    /// <summary>
    /// Tracked runs overlaid, read back from the store: <paramref name="metric"/> of each run (by default
    /// the validation loss), named after the run.
    /// </summary>
    /// <exception cref="ArgumentException">No run ids, an unknown id, or a run that never logged the metric.</exception>
    public static PlotlyChart Compare(RunTracker tracker, IEnumerable<long> runIds, string metric = TrainingMetrics.ValidationLoss, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(runIds);
        var series = new List<LossSeries>();
        foreach (var id in runIds)
        {
            var run = tracker.GetRun(id);
            var points = tracker.Metrics(id, metric);
            if (points.Count == 0)
                throw new ArgumentException($"run {id} '{run.Name}' has no '{metric}' values (it logged: {string.Join(", ", tracker.MetricNames(id))}): choose another metric.", nameof(metric));
            series.Add(LossSeries.Of(run.Name, points.Select(p => (double)p.Step), points.Select(p => p.Value)));
        }

        if (series.Count == 0)
            throw new ArgumentException("runIds is empty: pass the ids of the runs to draw (see tracker.ListRuns()).", nameof(runIds));
        return Chart.LossCurves(series, title: title ?? $"{metric} of {series.Count} tracked run{(series.Count == 1 ? "" : "s")}");
    }

    /// <summary>
    /// The data (two features, two classes) with the model's decision line w₁·x₁ + w₂·x₂ + b = 0. For a model
    /// trained on standardized data, pass <c>scaler.ToOriginalUnits(model)</c> and the raw data.
    /// </summary>
    /// <exception cref="ArgumentException">When the model or the data do not have exactly two features, or the data are not binary.</exception>
    public static PlotlyChart DecisionBoundary(LogisticRegression model, Dataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (model.FeatureCount != 2 || data.FeatureCount != 2)
            throw new ArgumentException($"a decision line is drawn in the plane: the model has {model.FeatureCount} features and the data {data.FeatureCount}, expected 2 each.", nameof(model));
        if (data.ClassCount != 2)
            throw new ArgumentException($"data has {data.ClassCount} classes: a decision line separates two.", nameof(data));
        var w = model.Weights;
        return Chart.DecisionBoundary(data.Column(0), data.Column(1), data.LabelArray(), new DecisionLine(w[0], w[1], model.Bias, "trained"),
            (data.FeatureNames[0], data.FeatureNames[1]), (data.ClassNames[0], data.ClassNames[1]));
    }

    /// <summary>Loss curves (and optionally accuracy) of named step series; an empty name means a single unnamed run.</summary>
    internal static PlotlyChart Curves(IReadOnlyList<(string Name, IReadOnlyList<TrainingStep> Steps)> runs, string title, bool showAccuracy)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (runs.Count == 0)
            throw new ArgumentException("runs is empty: pass at least one training history.", nameof(runs));

        var losses = new List<LossSeries>();
        var accuracies = new List<LossSeries>();
        foreach (var (name, steps) in runs)
        {
            if (steps.Count == 0)
                throw new ArgumentException($"run '{name}' has no steps: train it before drawing it.", nameof(runs));
            var prefix = name.Length == 0 ? "" : name + " ";
            losses.Add(LossSeries.Of(prefix + "train", steps.Select(s => (double)s.Step), steps.Select(s => s.TrainLoss)));
            var evaluated = steps.Where(s => s.ValidationLoss is not null).ToList();
            if (evaluated.Count > 0)
            {
                losses.Add(LossSeries.Of(prefix + "validation", evaluated.Select(s => (double)s.Step), evaluated.Select(s => s.ValidationLoss!.Value)) with { Dashed = true });
            }

            if (showAccuracy)
            {
                accuracies.Add(evaluated.Count > 0
                    ? LossSeries.Of(prefix + "validation accuracy", evaluated.Select(s => (double)s.Step), evaluated.Select(s => s.ValidationAccuracy!.Value))
                    : LossSeries.Of(prefix + "train accuracy", steps.Select(s => (double)s.Step), steps.Select(s => s.TrainAccuracy)));
            }
        }

        return Chart.LossCurves(losses, title: title, accuracy: showAccuracy ? accuracies : null);
    }
}
