namespace CrossEntropy.Tracking;

/// <summary>Whether a smaller or a larger metric value is better (loss: minimize; accuracy: maximize).</summary>
public enum MetricGoal
{
    /// <summary>Smaller is better (losses).</summary>
    Minimize,

    /// <summary>Larger is better (accuracy).</summary>
    Maximize,
}

/// <summary>Which value of a run's metric series stands for the run when runs are ranked.</summary>
public enum MetricSelection
{
    /// <summary>The value at the run's last logged step for that metric (what the run ended with).</summary>
    Final,

    /// <summary>The best value at any step (the run's best checkpoint, had one been kept).</summary>
    Best,
}
