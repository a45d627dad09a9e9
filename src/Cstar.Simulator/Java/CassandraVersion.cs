using System.Globalization;

namespace Cstar.Simulator.Java;

/// <summary>
/// A Cassandra release version ("3.11.10", "4.0-alpha4", "5.0.2") and the nodetool output family it
/// implies. <see cref="Normalized"/> is what gossip reports (CassandraVersion.toString: "4.0.0-alpha4").
/// </summary>
public sealed record CassandraVersion(string Text, int Major, int Minor, int Patch, string? PreRelease)
{
    public static CassandraVersion Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var numbers = (dash < 0 ? text : text[..dash]).Split('.');
        var pre = dash < 0 ? null : text[(dash + 1)..];
        if (numbers.Length is < 2 or > 3 || !numbers.All(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new ArgumentException($"'{text}' is not a Cassandra version such as 3.11.10 or 4.0-alpha4.", nameof(text));
        }

        var parts = numbers.Select(n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        return new CassandraVersion(text, parts[0], parts[1], parts.Length > 2 ? parts[2] : 0, pre);
    }

    /// <summary>As gossip and describecluster's "Database versions" print it.</summary>
    public string Normalized => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}")
        + (PreRelease is null ? string.Empty : "-" + PreRelease);

    /// <summary>2.1 (6-wide Tokens), 2.2 to 3.11 (11-wide Tokens), 4.0+ (TableBuilder).</summary>
    public NodetoolFamily Family => (Major, Minor) switch
    {
        ( < 2, _) or (2, < 2) => NodetoolFamily.V21,
        ( < 4, _) => NodetoolFamily.V22To311,
        _ => NodetoolFamily.V40Plus,
    };

    /// <summary>KiB/MiB from 3.1 on; 2.x and 3.0.x print KB/MB.</summary>
    public bool UsesBinaryUnits => Major > 3 || (Major == 3 && Minor >= 1);

    /// <summary>4.0 pre-releases: status prints Owns as "?" and rpc_endpoints shows the local node as "/ip".</summary>
    public bool IsFourZeroPreRelease => Major == 4 && Minor == 0 && PreRelease is not null;

    /// <summary>Thrift was removed in 4.0, so "Thrift active" disappears from info.</summary>
    public bool HasThrift => Major < 4;

    /// <summary>NetworkTopologyStrategy before 3.0 deferred rack repeats to the end ("skipped" endpoints).</summary>
    public bool UsesLegacyNtsPlacement => Major < 3;

    public override string ToString() => Text;
}
