using System.Collections.Immutable;

namespace Cstar.Core.Jobs.Events;

/// <summary>The job started, or was continued (<see cref="Resumed"/>).</summary>
public sealed record JobStartedEvent(DateTimeOffset Time, string JobId, string Command, ImmutableArray<string> Clusters, int HostCount, bool Resumed)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.JobStart;
}
