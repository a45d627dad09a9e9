namespace Cstar.Core.Jobs.Events;

/// <summary>The back-pressure gate let <see cref="Host"/> start (or count back, when <see cref="Returning"/>) after <see cref="Waited"/>.</summary>
public sealed record BackPressurePassEvent(DateTimeOffset Time, string JobId, string Host, bool Returning, TimeSpan Waited)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.BackPressurePass;
}
