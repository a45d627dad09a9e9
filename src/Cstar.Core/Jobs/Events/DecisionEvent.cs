using Cstar.Core.Scheduling;

namespace Cstar.Core.Jobs.Events;

/// <summary>The scheduler's latest decision and its reason (published when it changes).</summary>
public sealed record DecisionEvent(DateTimeOffset Time, string JobId, SchedulingDecision Decision)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.Decision;
}
