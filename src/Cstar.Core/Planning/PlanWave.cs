using System.Collections.Immutable;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Planning;

/// <summary>One wave of a dry-run plan: the hosts started together, and the rules that kept the others out.</summary>
public sealed record PlanWave(int Number, ImmutableArray<string> Hosts, string Reason, ImmutableArray<WaveLimit> BoundedBy);
