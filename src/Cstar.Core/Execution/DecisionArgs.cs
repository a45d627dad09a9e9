using Cstar.Core.Scheduling;

namespace Cstar.Core.Execution;

/// <summary>The scheduler's latest decision and its reason (reported when it changes).</summary>
public sealed record DecisionArgs(DateTimeOffset Time, SchedulingDecision Decision);
