using System.Collections.Immutable;

namespace Cstar.Ring.Load;

/// <summary>
/// <c>nodetool netstats</c>: the operation mode and the streams in progress (one plan per operation, e.g.
/// "Repair", "Bulk Load", "Rebuild", with one session per peer).
/// </summary>
public sealed record NetStatsOutput(string Mode, ImmutableArray<StreamPlan> Streams)
{
    public int SessionCount => Streams.Sum(s => s.Peers.Length);
}

/// <summary>One stream plan: its operation's description, plan id and peers.</summary>
public sealed record StreamPlan(string Operation, string PlanId, ImmutableArray<string> Peers);
