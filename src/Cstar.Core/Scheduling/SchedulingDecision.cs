using System.Collections.Immutable;

namespace Cstar.Core.Scheduling;

/// <summary>What the scheduler wants done next, always with a reason an operator can read.</summary>
public abstract record SchedulingDecision(string Reason)
{
    /// <summary>Start these hosts now. <paramref name="BoundedBy"/> lists the rules that kept other candidates out.</summary>
    public sealed record Start(ImmutableArray<string> Hosts, string Reason, ImmutableArray<WaveLimit> BoundedBy) : SchedulingDecision(Reason);

    /// <summary>Nothing can start until a host in flight finishes or comes back.</summary>
    public sealed record Wait(string Reason, ImmutableArray<BlockedHost> Held) : SchedulingDecision(Reason);

    /// <summary>Mark these down targets skipped (--ignore-down-nodes), then ask again.</summary>
    public sealed record Skip(ImmutableArray<string> Hosts, string Reason) : SchedulingDecision(Reason);

    /// <summary>Nothing is in flight and these hosts cannot start without breaking a rule; each says why.</summary>
    public sealed record Blocked(ImmutableArray<BlockedHost> Hosts, string Reason) : SchedulingDecision(Reason);

    /// <summary>Nothing more to do: every target is done/skipped, or stop-after was reached, or the job halted.</summary>
    public sealed record Finished(string Reason) : SchedulingDecision(Reason);

    public override string ToString() => GetType().Name + ": " + Reason;
}
