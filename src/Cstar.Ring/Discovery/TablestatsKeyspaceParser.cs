using System.Collections.Immutable;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Lists keyspaces from 'nodetool tablestats' on 2.x/3.x, whose describecluster has no keyspace list.
/// Why tablestats: it is the only nodetool command of 3.x that names every keyspace (cqlsh may be absent or
/// need credentials, and describering needs the names first). It reads table metrics, so it costs more than
/// describecluster; it runs once per cluster and is skipped entirely when --keyspace is given. Only the
/// "Keyspace : name" lines are read here (the metrics lines are not this parser's business); at least the
/// system keyspaces must be found, so an empty or foreign output is an error, never an empty list.
/// </summary>
public static class TablestatsKeyspaceParser
{
    public static ImmutableArray<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = ImmutableArray.CreateBuilder<string>();
        var cursor = new LineCursor(text);
        while (cursor.MoveNext())
        {
            var trimmed = cursor.Current.Trim();
            if (!trimmed.StartsWith("Keyspace", StringComparison.Ordinal))
            {
                continue;
            }

            // 3.x prints "Keyspace : name", 2.x "Keyspace: name"; "Keyspace :" alone is never valid.
            var rest = trimmed["Keyspace".Length..].TrimStart();
            if (rest.IsEmpty || rest[0] != ':')
            {
                continue;
            }

            var name = rest[1..].Trim();
            if (name.IsEmpty || name.ContainsAny(' ', '\t'))
            {
                throw ParseError.Line("tablestats", "Keyspace : name", cursor.Number, cursor.Current, "a keyspace line without a single name");
            }

            if (!names.Contains(name.ToString()))
            {
                names.Add(name.ToString());
            }
        }

        if (names.Count == 0)
        {
            throw ParseError.Output("tablestats", "no 'Keyspace : <name>' line, so the keyspaces cannot be listed");
        }

        return names.ToImmutable();
    }
}
