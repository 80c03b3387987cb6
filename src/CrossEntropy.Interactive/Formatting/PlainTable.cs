using System.Text;

namespace CrossEntropy.Interactive.Formatting;

/// <summary>A text table with columns padded to line up, for the text/plain form of the reports.</summary>
internal sealed class PlainTable(params string[] headings)
{
    private readonly List<string[]> _rows = [headings];
    private readonly List<string> _notes = [];

    public PlainTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    /// <summary>A line written below the rows as is (e.g. "… 80 more rows"), not aligned to columns.</summary>
    public PlainTable Note(string line)
    {
        _notes.Add(line);
        return this;
    }

    public void WriteTo(StringBuilder text)
    {
        var columns = _rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => _rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        foreach (var row in _rows)
        {
            var line = new StringBuilder("  ");
            for (var c = 0; c < row.Length; c++)
            {
                // Text (first column) reads left-aligned; numbers line up on the right.
                line.Append(c == 0 ? row[c].PadRight(widths[c]) : row[c].PadLeft(widths[c]));
                if (c < row.Length - 1)
                {
                    line.Append("  ");
                }
            }

            text.Append(line.ToString().TrimEnd()).Append('\n');
        }

        foreach (var note in _notes)
        {
            text.Append("  ").Append(note).Append('\n');
        }
    }
}
