using Cstar.Ring.Parsing;

namespace Cstar.Ring.Describering;

/// <summary>Parses a whole 'nodetool describering' output held in a string.</summary>
public static class DescriberingParser
{
    public static DescriberingOutput Parse(string text, ParsePool? pool = null, string? keyspace = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new DescriberingReader(pool ?? new ParsePool(), keyspace);
        var cursor = new LineCursor(text);
        while (cursor.MoveNext())
        {
            reader.AddLine(cursor.Current);
        }

        return reader.Complete();
    }
}
