using CrossEntropy.Interactive.Charts;
using CrossEntropy.Interactive.Display;
using CrossEntropy.Training;

namespace CrossEntropy.Interactive.Training;

/// <summary>
/// A loss curve that grows while a model trains: shown once through <see cref="NotebookDisplay"/> at the
/// first step, then replaced in place every <see cref="UpdateEvery"/> steps and once more by <see cref="Finish"/>.
/// </summary>
/// <remarks>
/// Pass <see cref="Add"/> as the training callback, or <see cref="For"/> to overlay several runs:
/// <code>
/// var live = new LiveLossChart(updateEvery: 20);
/// model.Fit(train, options, validation, live.Add);
/// live.Finish();
/// </code>
/// In the kernel, the hook replaces the same output (the update path the API doc verifies), so the
/// notebook keeps one chart, not one per update; the headless runner ends with one output holding the
/// final chart. Each redraw is a fresh plotly.js figure of every step so far.
/// </remarks>
public sealed class LiveLossChart
{
    private readonly List<(string Name, List<TrainingStep> Steps)> _runs = [];
    private DisplayHandle? _handle;
    private int _stepsSinceUpdate;

    /// <summary>A live chart that redraws every <paramref name="updateEvery"/> steps.</summary>
    /// <param name="updateEvery">Steps between redraws (at least 1).</param>
    /// <param name="title">The chart title.</param>
    /// <param name="showAccuracy">Also draw accuracy (dotted, right axis): loss and accuracy need not move together.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="updateEvery"/> is less than 1.</exception>
    public LiveLossChart(int updateEvery = 10, string title = "Loss over training steps", bool showAccuracy = false)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (updateEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(updateEvery), $"updateEvery is {updateEvery}: expected at least 1 step between redraws.");
        UpdateEvery = updateEvery;
        Title = title;
        ShowAccuracy = showAccuracy;
    }

    /// <summary>Steps between redraws.</summary>
    public int UpdateEvery { get; }

    /// <summary>The chart title.</summary>
    public string Title { get; }

    /// <summary>Whether accuracy is drawn on a second axis.</summary>
    public bool ShowAccuracy { get; }

    /// <summary>How many times the shown chart has been replaced since it was first shown.</summary>
    public int Updates { get; private set; }

    /// <summary>All steps received, per run, in order.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<TrainingStep> Steps)> Runs =>
        [.. _runs.Select(r => (r.Name, (IReadOnlyList<TrainingStep>)r.Steps))];

    /// <summary>Records a step of the default (unnamed) run; the training callback.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="step"/> is null.</exception>
    public void Add(TrainingStep step) => Record("", step);

    /// <summary>A callback recording the steps of run <paramref name="name"/>, drawn as its own curve (e.g. "lr = 0.1").</summary>
    /// <exception cref="ArgumentException">When <paramref name="name"/> is empty.</exception>
    public Action<TrainingStep> For(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("name is empty: name the run, e.g. \"lr = 0.1\".", nameof(name));
        Series(name);
        return step => Record(name, step);
    }

    /// <summary>Redraws with every step so far (call after training, so the last steps are shown).</summary>
    public void Finish()
    {
        if (_handle is null)
        {
            if (_runs.Any(r => r.Steps.Count > 0))
                _handle = NotebookDisplay.Show(Chart());
            return;
        }

        if (_stepsSinceUpdate > 0)
            Redraw();
    }

    /// <summary>The chart of every step so far.</summary>
    /// <exception cref="InvalidOperationException">When no step has been recorded yet.</exception>
    public PlotlyChart Chart()
    {
        var runs = _runs.Where(r => r.Steps.Count > 0).Select(r => (r.Name, (IReadOnlyList<TrainingStep>)r.Steps)).ToList();
        if (runs.Count == 0)
            throw new InvalidOperationException("no steps yet: pass live.Add (or live.For(name)) as the training callback first.");
        return TrainingCharts.Curves(runs, Title, ShowAccuracy);
    }

    private void Record(string name, TrainingStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        Series(name).Add(step);
        if (_handle is null)
        {
            _handle = NotebookDisplay.Show(Chart());
            return;
        }

        if (++_stepsSinceUpdate >= UpdateEvery)
            Redraw();
    }

    private void Redraw()
    {
        _handle!.Update(Chart());
        _stepsSinceUpdate = 0;
        Updates++;
    }

    private List<TrainingStep> Series(string name)
    {
        foreach (var run in _runs)
        {
            if (run.Name == name) return run.Steps;
        }

        var steps = new List<TrainingStep>();
        _runs.Add((name, steps));
        return steps;
    }
}
