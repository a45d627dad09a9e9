namespace Cstar.Ring.Parsing;

/// <summary>
/// Walks the lines of a text without allocating: each line is a span (without its '\r'), numbered
/// from 1 so that error messages can point at it.
/// </summary>
internal ref struct LineCursor
{
    private ReadOnlySpan<char> _rest;
    private bool _done;

    public LineCursor(ReadOnlySpan<char> text)
    {
        _rest = text;
        _done = text.IsEmpty;
        Current = default;
        Number = 0;
    }

    public ReadOnlySpan<char> Current { get; private set; }

    public int Number { get; private set; }

    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        var end = _rest.IndexOf('\n');
        ReadOnlySpan<char> line;
        if (end < 0)
        {
            line = _rest;
            _rest = default;
            _done = true;
        }
        else
        {
            line = _rest[..end];
            _rest = _rest[(end + 1)..];
            _done = _rest.IsEmpty;
        }

        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        Current = line;
        Number++;
        return true;
    }
}
