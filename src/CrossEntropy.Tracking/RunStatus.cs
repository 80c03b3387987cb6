namespace CrossEntropy.Tracking;

/// <summary>Where a run is in its life.</summary>
public enum RunStatus
{
    /// <summary>Started and owned by a live process that may still log steps.</summary>
    Running,

    /// <summary>Finished normally through <c>Run.Complete</c>.</summary>
    Completed,

    /// <summary>Ended through <see cref="Run.Fail"/> with an error message.</summary>
    Failed,

    /// <summary>
    /// Stopped without finishing: disposed before completing, or its process died (found when a tracker
    /// next opens the store). Every step committed before that is still readable.
    /// </summary>
    Incomplete,
}
