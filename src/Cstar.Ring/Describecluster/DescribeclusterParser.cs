using System.Collections.Immutable;
using Cstar.Core.Replication;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Describecluster;

/// <summary>
/// Parses 'nodetool describecluster' of 2.x/3.x (cluster information and schema versions) and 4.0+ (plus
/// stats, DC node counts, database versions and keyspaces with replication). Indentation is not trusted
/// (tabs in real output, spaces in copies); the section header decides what a line means.
/// </summary>
public static class DescribeclusterParser
{
    private const string Command = "describecluster";

    private enum Section
    {
        None,
        ClusterInformation,
        SchemaVersions,
        Stats,
        DataCenters,
        DatabaseVersions,
        Keyspaces,
    }

    public static DescribeclusterOutput Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var section = Section.None;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var schemas = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var stats = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var datacenters = ImmutableArray.CreateBuilder<DatacenterCount>();
        var versions = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var keyspaces = ImmutableArray.CreateBuilder<KeyspaceDefinition>();
        var hasKeyspaces = false;
        var layout = "2.x-3.x";
        var cursor = new LineCursor(text);
        while (cursor.MoveNext())
        {
            var line = cursor.Current;
            var number = cursor.Number;
            var trimmed = line.Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            switch (trimmed)
            {
                case "Cluster Information:" when section == Section.None:
                    section = Section.ClusterInformation;
                    continue;
                case "Stats for all nodes:":
                    section = Section.Stats;
                    layout = "4.0+";
                    continue;
                case "Data Centers:":
                    section = Section.DataCenters;
                    layout = "4.0+";
                    continue;
                case "Database versions:":
                    section = Section.DatabaseVersions;
                    layout = "4.0+";
                    continue;
                case "Keyspaces:":
                    section = Section.Keyspaces;
                    hasKeyspaces = true;
                    layout = "4.0+";
                    continue;
                case "Schema versions:" when section == Section.ClusterInformation:
                    section = Section.SchemaVersions;
                    continue;
            }

            if (trimmed.StartsWith("Error:", StringComparison.Ordinal) || trimmed.StartsWith("nodetool:", StringComparison.Ordinal))
            {
                throw ParseError.Output(Command, "nodetool reported: " + ParseError.Show(trimmed));
            }

            switch (section)
            {
                case Section.ClusterInformation:
                    ReadField(trimmed, fields, line, number, layout);
                    break;
                case Section.SchemaVersions:
                    ReadAddressList(trimmed, line, number, layout, out var version, out var addresses);
                    if (version != DescribeclusterOutput.Unreachable && !SpanText.TryParseGuid(version, out _))
                    {
                        throw ParseError.Line(Command, layout, number, line, "a schema version that is not a UUID");
                    }

                    if (!schemas.TryAdd(version, addresses))
                    {
                        throw ParseError.Line(Command, layout, number, line, "a schema version listed twice");
                    }

                    break;
                case Section.Stats:
                    ReadStat(trimmed, stats, line, number, layout);
                    break;
                case Section.DataCenters:
                    datacenters.Add(ReadDatacenter(trimmed, line, number, layout));
                    break;
                case Section.DatabaseVersions:
                    ReadAddressList(trimmed, line, number, layout, out var release, out var nodes);
                    foreach (var node in nodes)
                    {
                        versions[node] = release;
                    }

                    break;
                case Section.Keyspaces:
                    keyspaces.Add(ReadKeyspace(trimmed, line, number, layout));
                    break;
                default:
                    throw ParseError.Line(Command, layout, number, line, "not a known section or line");
            }
        }

        if (!fields.TryGetValue("Name", out var name))
        {
            throw ParseError.Output(Command, "no cluster 'Name:' line (empty output?)");
        }

        return new DescribeclusterOutput(
            name,
            fields.GetValueOrDefault("Snitch"),
            fields.GetValueOrDefault("DynamicEndPointSnitch"),
            fields.GetValueOrDefault("Partitioner"),
            schemas.ToImmutable(),
            stats.ToImmutable(),
            datacenters.ToImmutable(),
            versions.ToImmutable(),
            hasKeyspaces,
            keyspaces.ToImmutable());
    }

    private static void ReadField(ReadOnlySpan<char> trimmed, Dictionary<string, string> fields, ReadOnlySpan<char> line, int number, string layout)
    {
        var colon = trimmed.IndexOf(':');
        var key = colon > 0 ? trimmed[..colon].ToString() : string.Empty;
        if (key is not ("Name" or "Snitch" or "DynamicEndPointSnitch" or "Partitioner"))
        {
            throw ParseError.Line(Command, layout, number, line, "not a known Cluster Information field");
        }

        var value = trimmed[(colon + 1)..].Trim();
        if (value.IsEmpty || !fields.TryAdd(key, value.ToString()))
        {
            throw ParseError.Line(Command, layout, number, line, $"'{key}' is empty or repeated");
        }
    }

    private static void ReadAddressList(ReadOnlySpan<char> trimmed, ReadOnlySpan<char> line, int number, string layout, out string key, out ImmutableArray<string> addresses)
    {
        var separator = trimmed.IndexOf(": [", StringComparison.Ordinal);
        if (separator <= 0 || trimmed[^1] != ']')
        {
            throw ParseError.Line(Command, layout, number, line, "expected '<version>: [address, ...]'");
        }

        key = trimmed[..separator].Trim().ToString();
        var list = trimmed[(separator + 3)..^1];
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in list.Split(','))
        {
            var text = list[part].Trim();
            if (text.IsEmpty && list.Trim().IsEmpty)
            {
                break;
            }

            if (!NodeAddress.TryParse(text, out var address, out _))
            {
                throw ParseError.Line(Command, layout, number, line, $"'{ParseError.Show(text)}' is not an address");
            }

            builder.Add(address);
        }

        addresses = builder.ToImmutable();
    }

    private static void ReadStat(ReadOnlySpan<char> trimmed, ImmutableDictionary<string, int>.Builder stats, ReadOnlySpan<char> line, int number, string layout)
    {
        var colon = trimmed.IndexOf(':');
        if (colon <= 0 || !SpanText.TryParseInt(trimmed[(colon + 1)..].Trim(), out var value) || !stats.TryAdd(trimmed[..colon].ToString(), value))
        {
            throw ParseError.Line(Command, layout, number, line, "expected '<name>: <count>' once per name");
        }
    }

    private static DatacenterCount ReadDatacenter(ReadOnlySpan<char> trimmed, ReadOnlySpan<char> line, int number, string layout)
    {
        var nodesAt = trimmed.LastIndexOf(" #Nodes: ", StringComparison.Ordinal);
        var downAt = trimmed.LastIndexOf(" #Down: ", StringComparison.Ordinal);
        if (nodesAt <= 0 || downAt < nodesAt
            || !SpanText.TryParseInt(trimmed[(nodesAt + " #Nodes: ".Length)..downAt].Trim(), out var nodes)
            || !SpanText.TryParseInt(trimmed[(downAt + " #Down: ".Length)..].Trim(), out var down))
        {
            throw ParseError.Line(Command, layout, number, line, "expected '<dc> #Nodes: <n> #Down: <n>'");
        }

        return new DatacenterCount(trimmed[..nodesAt].Trim().ToString(), nodes, down);
    }

    private static KeyspaceDefinition ReadKeyspace(ReadOnlySpan<char> trimmed, ReadOnlySpan<char> line, int number, string layout)
    {
        const string Marker = " -> Replication class: ";
        var at = trimmed.IndexOf(Marker, StringComparison.Ordinal);
        if (at <= 0)
        {
            throw ParseError.Line(Command, layout, number, line, "expected '<keyspace> -> Replication class: <class> {options}'");
        }

        var name = trimmed[..at].Trim().ToString();
        if (!ReplicationParser.TryParse(name, trimmed[(at + Marker.Length)..].Trim(), out var definition, out var problem))
        {
            throw ParseError.Line(Command, layout, number, line, problem);
        }

        return definition!;
    }
}
