namespace CrossEntropy.Interactive.Display;

/// <summary>
/// The course's own display hook: show a value, get a handle, update it in place later.
/// </summary>
/// <remarks>
/// Notebook code never calls kernel display APIs directly. In the real kernel <c>display(x).Update(y)</c>
/// appends a new output instead of replacing the first one (the ids differ), while
/// <c>KernelInvocationContext.Current.Display(x).Update(y)</c> replaces it. So the host decides:
/// <c>extension.dib</c> connects this hook to the kernel's update-in-place path, the headless runner
/// connects it to itself (a live chart ends as one output holding its final state), and with no host
/// connected values are written to the console as plain text.
/// </remarks>
public static class NotebookDisplay
{
    private static Func<object, Action<object>>? s_show;

    /// <summary>
    /// Connects the hook to a host. <paramref name="show"/> displays a value and returns the action that
    /// replaces that same output with a new value. Connecting again replaces the previous host.
    /// </summary>
    public static void Connect(Func<object, Action<object>> show)
    {
        ArgumentNullException.ThrowIfNull(show);
        s_show = show;
    }

    /// <summary>Disconnects the host; later values go to the console.</summary>
    public static void Disconnect() => s_show = null;

    /// <summary>True when a host (kernel or runner) is connected.</summary>
    public static bool IsConnected => s_show is not null;

    /// <summary>Shows <paramref name="value"/> and returns a handle that can replace it in place.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="value"/> is null.</exception>
    public static DisplayHandle Show(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var show = s_show;
        if (show is null)
        {
            Console.Out.WriteLine(value);
            return new DisplayHandle(static v => Console.Out.WriteLine(v));
        }

        return new DisplayHandle(show(value));
    }
}

/// <summary>A shown output that can be replaced by a newer value (e.g. a loss curve after more steps).</summary>
public sealed class DisplayHandle
{
    private readonly Action<object> _update;

    internal DisplayHandle(Action<object> update) => _update = update;

    /// <summary>Replaces the shown output with <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="value"/> is null.</exception>
    public void Update(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _update(value);
    }
}
