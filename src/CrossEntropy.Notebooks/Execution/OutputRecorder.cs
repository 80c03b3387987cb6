using System.Text;
using CrossEntropy.Notebooks.Ipynb;

namespace CrossEntropy.Notebooks.Execution;

/// <summary>
/// Collects the outputs of the running cell in the order they happen: console text (consecutive writes
/// to the same stream merge into one output, as Jupyter shows them), displayed values, the result.
/// Displayed values keep their output object, so an update replaces that output in place.
/// </summary>
internal sealed class OutputRecorder
{
    private readonly IValueFormatter _formatter;
    private readonly string _chartPrefix;
    private readonly object _gate = new();
    private List<CellOutput> _outputs = [];
    private int _chartCount;

    public OutputRecorder(IValueFormatter formatter, string notebookName)
    {
        _formatter = formatter;
        _chartPrefix = ChartIds.Prefix(notebookName);
        Stdout = new StreamWriterAdapter(this, "stdout");
        Stderr = new StreamWriterAdapter(this, "stderr");
    }

    /// <summary>Becomes <c>Console.Out</c> while a cell runs.</summary>
    public TextWriter Stdout { get; }

    /// <summary>Becomes <c>Console.Error</c> while a cell runs.</summary>
    public TextWriter Stderr { get; }

    /// <summary>Starts a new cell and returns the outputs of the previous one.</summary>
    public IReadOnlyList<CellOutput> NextCell()
    {
        lock (_gate)
        {
            var done = _outputs;
            _outputs = [];
            return done;
        }
    }

    /// <summary>Formats and appends a displayed value; the returned action replaces it in place.</summary>
    public Action<object> Display(object value)
    {
        var numbers = new List<int>();
        var output = new DisplayDataOutput(FormatWithStableIds(value, numbers));
        Add(output);
        return update =>
        {
            var data = FormatWithStableIds(update, numbers);
            lock (_gate)
            {
                output.Data = data;
            }
        };
    }

    /// <summary>Appends a plain-text display (command warnings, shown as extension.dib shows them).</summary>
    public void DisplayPlain(string text) => Add(new DisplayDataOutput(new MimeBundle(text)));

    /// <summary>Appends the cell's result value.</summary>
    public void Result(object? value) => Add(new ExecuteResultOutput(FormatWithStableIds(value, [])));

    /// <summary>Appends a failure.</summary>
    public void Error(ErrorOutput error) => Add(error);

    /// <summary>Appends text to a stream output, merging with the previous output when it is the same stream.</summary>
    public void Write(string stream, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream)
            {
                last.Text += text;
            }
            else
            {
                _outputs.Add(new StreamOutput(stream, text));
            }
        }
    }

    private void Add(CellOutput output)
    {
        lock (_gate)
        {
            _outputs.Add(output);
        }
    }

    // An update reuses the numbers its first display got, so a live chart keeps one id.
    private MimeBundle FormatWithStableIds(object? value, List<int> numbers)
    {
        var bundle = _formatter.Format(value);
        var used = 0;
        int Next()
        {
            if (used < numbers.Count)
            {
                return numbers[used++];
            }

            var n = Interlocked.Increment(ref _chartCount);
            numbers.Add(n);
            used++;
            return n;
        }

        var html = ChartIds.Normalize(bundle.HtmlText, _chartPrefix, Next);
        return ReferenceEquals(html, bundle.HtmlText) ? bundle : new MimeBundle(html, bundle.PlainText);
    }

    private sealed class StreamWriterAdapter(OutputRecorder recorder, string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => recorder.Write(stream, value.ToString());

        public override void Write(string? value) => recorder.Write(stream, value ?? "");

        public override void Write(char[] buffer, int index, int count) => recorder.Write(stream, new string(buffer, index, count));

        public override void WriteLine(string? value) => recorder.Write(stream, (value ?? "") + "\n");

        public override void WriteLine() => recorder.Write(stream, "\n");
    }
}
