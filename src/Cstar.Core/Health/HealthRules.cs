using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Topology;

namespace Cstar.Core.Health;

/// <summary>
/// Health rules as pure functions of ring views. Unlike cstar (one seed's view, "UN" or not, and
/// --ignore-down-nodes switching all gating off), every view read counts, schema agreement is checked, and
/// a finished host is "back" only when a majority of its peers see it UN.
/// </summary>
public static partial class HealthRules
{
    /// <summary>Nodes that at least one view shows as anything but UN: conservative input for the scheduler.</summary>
    public static ImmutableHashSet<string> UnavailableNodes(IEnumerable<RingView> views) =>
        views.SelectMany(v => v.Nodes).Where(n => !n.IsUpNormal).Select(n => n.Address).ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Before the first start: every target UN in every view (down targets are tolerated only with
    /// ignore-down-nodes, they will be skipped), nobody joining/leaving/moving, and the schema agrees (or
    /// disagrees exactly along release versions, as in a rolling upgrade), unless allowSchemaDisagreement.
    /// </summary>
    public static HealthVerdict BeforeFirstStart(IReadOnlyCollection<string> targets, IReadOnlyList<RingView> views, bool ignoreDownNodes, bool allowSchemaDisagreement)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(views);
        if (views.Count == 0)
        {
            return HealthVerdict.Block("no ring view could be read: cannot tell whether the cluster is healthy");
        }

        var notes = new List<string>();
        foreach (var view in views)
        {
            var moving = view.Nodes.FirstOrDefault(n => n.State != NodeState.Normal);
            if (moving is not null)
            {
                return HealthVerdict.Block($"{moving.Address} is {moving.StateCode} ({moving.State}) in the view of {view.Viewer}: no job may start while a node is joining, leaving or moving");
            }

            foreach (var target in targets)
            {
                var node = view.Find(target);
                if (node is null)
                {
                    return HealthVerdict.Block($"target {target} is missing from the view of {view.Viewer}");
                }

                if (!node.IsUpNormal)
                {
                    if (!ignoreDownNodes)
                    {
                        return HealthVerdict.Block($"target {target} is {node.StateCode} in the view of {view.Viewer} (use --ignore-down-nodes to skip down targets)");
                    }

                    notes.Add($"target {target} is {node.StateCode} in the view of {view.Viewer}: it will be skipped");
                }
            }
        }

        var schema = SchemaAgreement(views, allowSchemaDisagreement);
        return schema.IsOk ? HealthVerdict.Ok([.. notes.Distinct(StringComparer.Ordinal), .. schema.Notes]) : schema;
    }

    /// <summary>
    /// A finished host is back when a majority of the peers whose views were read see it UN, and (when the
    /// command asks) its CQL port answered. ignore-down-nodes never turns this off.
    /// </summary>
    public static HealthVerdict HasReturned(string host, IReadOnlyList<RingView> views, bool requireCql, bool cqlAnswered)
    {
        ArgumentNullException.ThrowIfNull(views);
        var peers = views.Where(v => !string.Equals(v.Viewer, host, StringComparison.Ordinal)).ToList();
        if (peers.Count == 0)
        {
            return HealthVerdict.Wait($"no peer view of {host} could be read yet");
        }

        var seeUp = peers.Count(v => v.Find(host)?.IsUpNormal == true);
        var needed = (peers.Count / 2) + 1;
        if (seeUp < needed)
        {
            return HealthVerdict.Wait(string.Create(CultureInfo.InvariantCulture, $"{host} is seen UN by {seeUp} of {peers.Count} peers read; needs {needed}"));
        }

        return requireCql && !cqlAnswered ? HealthVerdict.Wait($"{host} is UN but its CQL port does not answer yet") : HealthVerdict.Ok();
    }
}
