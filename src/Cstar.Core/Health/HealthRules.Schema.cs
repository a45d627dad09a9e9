using System.Globalization;

namespace Cstar.Core.Health;

/// <summary>
/// The schema rule of the check before the first start. Schema versions come from <c>nodetool describecluster</c>,
/// which asks every live node for its schema version (nodes that do not answer within the RPC timeout are listed
/// under UNREACHABLE: their schema is unknown, not different; whether they are up is the status rule's business).
/// </summary>
public static partial class HealthRules
{
    private const int HostsNamedPerVersion = 10;

    /// <summary>
    /// Per cluster (two clusters never share a schema), the schema versions must agree. A disagreement that follows
    /// the release versions exactly (each schema version's node set equals the node set of one release) is a rolling
    /// upgrade: reported and tolerated. A cluster none of whose views carries schema versions (no describecluster
    /// could be read) is not known to agree: refused too. --allow-schema-disagreement turns both into notes.
    /// </summary>
    public static HealthVerdict SchemaAgreement(IReadOnlyList<RingView> views, bool allowSchemaDisagreement)
    {
        ArgumentNullException.ThrowIfNull(views);
        var notes = new List<string>();
        foreach (var cluster in views.GroupBy(v => v.Nodes.FirstOrDefault()?.Cluster ?? string.Empty, StringComparer.Ordinal))
        {
            var verdict = SchemaAgreementIn(cluster.Key, [.. cluster], allowSchemaDisagreement);
            if (!verdict.IsOk)
            {
                return verdict;
            }

            notes.AddRange(verdict.Notes);
        }

        return HealthVerdict.Ok([.. notes]);
    }

    private static HealthVerdict SchemaAgreementIn(string cluster, List<RingView> views, bool allowSchemaDisagreement)
    {
        var inCluster = cluster.Length == 0 ? string.Empty : $" in cluster {cluster}";
        var described = views.Where(v => !v.SchemaVersions.IsEmpty).ToList();
        if (described.Count == 0)
        {
            var unknown = $"no describecluster could be read{inCluster} (asked {string.Join(", ", views.Select(v => v.Viewer))}): the schema versions are unknown";
            return allowSchemaDisagreement
                ? HealthVerdict.Ok($"{unknown}; started anyway (--allow-schema-disagreement)")
                : HealthVerdict.Block($"{unknown}, so nothing says the schema agrees; no host starts without knowing. Retry, or use --allow-schema-disagreement");
        }

        var notes = new List<string>();
        var schema = Merge(described.Select(v => v.SchemaVersions.Where(kv => kv.Key != RingView.Unreachable).SelectMany(kv => kv.Value.Select(a => (kv.Key, Address: a)))));
        // A node some status view shows down is the status rule's business; one every view shows UN yet did not answer is worth a word.
        var down = UnavailableNodes(views);
        var unreachable = described.SelectMany(v => v.SchemaVersions.GetValueOrDefault(RingView.Unreachable, []))
            .Where(a => !down.Contains(a)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unreachable.Count > 0)
        {
            notes.Add($"{string.Join(", ", unreachable)} UN but did not answer describecluster's schema request (UNREACHABLE): schema unknown");
        }

        if (schema.Count <= 1)
        {
            return HealthVerdict.Ok([.. notes]);
        }

        var by = $"describecluster on {string.Join(", ", described.Select(v => v.Viewer))}";
        var description = Describe(schema);
        // Releases of the nodes that answered only: 4.0+ lists the release of down (UNREACHABLE) nodes too.
        var answered = schema.Values.SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
        var releases = Merge(described.Select(v => v.ReleaseVersions.Where(kv => answered.Contains(kv.Key)).Select(kv => (Key: kv.Value, Address: kv.Key))));
        var matches = schema.Select(s => releases.FirstOrDefault(r => r.Value.SetEquals(s.Value)).Key).ToList();
        if (matches.All(m => m is not null) && matches.Distinct(StringComparer.Ordinal).Count() == matches.Count)
        {
            return HealthVerdict.Ok([.. notes, $"schema versions follow the release versions{inCluster} (a rolling upgrade), tolerated: {description}"]);
        }

        if (allowSchemaDisagreement)
        {
            return HealthVerdict.Ok([.. notes, $"schema versions disagree{inCluster}, allowed by --allow-schema-disagreement: {description}"]);
        }

        var known = releases.Values.SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
        var noRelease = answered.Count(a => !known.Contains(a));
        var releaseClause = noRelease == 0
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $" (the release of {noRelease} of these nodes is unknown: 2.x/3.x describecluster does not list releases, a 4.0+ seed does)");
        return HealthVerdict.Block(
            $"schema versions disagree{inCluster} ({by}): {description}. No host starts while the schema disagrees, unless the split follows the release versions exactly (a rolling upgrade){releaseClause}. "
            + "Wait until `nodetool describecluster` shows one schema version, or use --allow-schema-disagreement");
    }

    /// <summary>"v1 (2 nodes): a, b; v2 (28 nodes): c, d, ... and 18 more": the smaller groups (the odd ones out) first.</summary>
    private static string Describe(Dictionary<string, HashSet<string>> schema) => string.Join(
        "; ",
        schema.OrderBy(s => s.Value.Count).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            var hosts = s.Value.Order(StringComparer.Ordinal).ToList();
            var named = string.Join(", ", hosts.Take(HostsNamedPerVersion));
            var more = hosts.Count > HostsNamedPerVersion ? string.Create(CultureInfo.InvariantCulture, $" and {hosts.Count - HostsNamedPerVersion} more") : string.Empty;
            return string.Create(CultureInfo.InvariantCulture, $"{s.Key} ({hosts.Count} node{(hosts.Count == 1 ? string.Empty : "s")}): {named}{more}");
        }));

    private static Dictionary<string, HashSet<string>> Merge(IEnumerable<IEnumerable<(string Key, string Address)>> perView)
    {
        var merged = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, address) in perView.SelectMany(x => x))
        {
            if (!merged.TryGetValue(key, out var set))
            {
                merged[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(address);
        }

        return merged;
    }
}
