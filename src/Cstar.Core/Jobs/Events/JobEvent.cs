namespace Cstar.Core.Jobs.Events;

/// <summary>
/// Something that happened in a job, for observers (console, NDJSON --events, log). <see cref="Type"/>
/// is the discriminator written as <c>"type"</c>; every event has a time and the job id.
/// </summary>
public abstract record JobEvent(DateTimeOffset Time, string JobId)
{
    public abstract string Type { get; }
}
