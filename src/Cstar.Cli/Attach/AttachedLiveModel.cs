using System.Collections.Immutable;
using Cstar.Cli.LiveView;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;
using Cstar.JobStore.Events;
using Cstar.JobStore.Timeline;

namespace Cstar.Cli.Attach;

/// <summary>
/// `cstar attach` on a terminal: the job's live view (the one the runner draws), fed from the stored events instead
/// of the engine. Hosts are placed by the job's plan.json (cluster, DC, rack); without one, under one "unknown" DC.
/// </summary>
internal static class AttachedLiveModel
{
    public static LiveViewModel Create(StoredJob job, JobPlanRecord? plan)
    {
        ArgumentNullException.ThrowIfNull(job);
        var places = (plan?.Hosts ?? []).ToDictionary(p => p.Host, StringComparer.Ordinal);
        var nodes = job.Hosts.Select(h => places.GetValueOrDefault(h.Host) is { } p
            ? new Node(h.Host, p.Cluster, p.Datacenter, p.Rack, NodeStatus.Up, NodeState.Normal, null)
            : new Node(h.Host, job.Definition.Clusters.FirstOrDefault() ?? "?", "unknown DC", "unknown rack", NodeStatus.Up, NodeState.Normal, null));
        var topology = new RingTopology([.. nodes.GroupBy(n => n.Cluster).Select(g => ClusterTopology.Create(g.Key, g))]);
        return new LiveViewModel(topology, job.Hosts.Select(h => h.Host), job.Definition.CreatedAt);
    }

    /// <summary>Moves the model by one stored event of job <paramref name="job"/>; <paramref name="lastWasStart"/> tells a new wave from the rest of one.</summary>
    public static void Apply(LiveViewModel model, string job, StoredEvent e, bool lastWasStart)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(e);
        switch (e.Type)
        {
            case JobEventTypes.HostStart when e.Host is { } host:
                if (e.Field("attach") != "true" && !lastWasStart)
                {
                    model.Apply(new DecisionEvent(e.Time, job, new SchedulingDecision.Start([host], "a wave started", [])));
                }

                model.Apply(new HostChangedEvent(e.Time, job, host, HostRunStateKind.Running, false, null, null, null));
                break;
            case JobEventTypes.GateWait when e.Host is { } host && model.StateOf(host) == HostDisplayState.Running:
                model.Apply(new HostChangedEvent(e.Time, job, host, HostRunStateKind.Running, true, null, null, e.Field("reason")));
                break;
            case JobEventTypes.HostFinish when e.Host is { } host && StateOf(e.Field("state")) is { } state:
                model.Apply(new HostChangedEvent(e.Time, job, host, state, false, null, null, e.Field("reason")));
                break;
            case JobEventTypes.GateWait or JobEventTypes.GatePass:
                model.Apply(new GateEvent(e.Time, job, e.Host, e.Type == JobEventTypes.GatePass, e.Host is null ? e.Field("reason") ?? "waiting" : $"{e.Host}: {e.Field("reason") ?? "back"}", TimeSpan.Zero));
                break;
            default:
                model.Apply(new DecisionEvent(e.Time, job, new SchedulingDecision.Wait(AttachedEventLines.Line(e)[11..], ImmutableArray<BlockedHost>.Empty)));
                break;
        }
    }

    private static HostRunStateKind? StateOf(string? text) => text switch
    {
        "succeeded" => HostRunStateKind.Succeeded,
        "failed" => HostRunStateKind.Failed,
        "timed-out" => HostRunStateKind.TimedOut,
        "did-not-come-back" => HostRunStateKind.DidNotComeBack,
        "skipped" => HostRunStateKind.Skipped,
        _ => null,
    };
}
