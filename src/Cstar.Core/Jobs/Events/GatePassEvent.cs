namespace Cstar.Core.Jobs.Events;

/// <summary>The gate opened after <see cref="Waited"/>.</summary>
public sealed record GatePassEvent(DateTimeOffset Time, string JobId, string? Host, TimeSpan Waited)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.GatePass;
}
