namespace Cstar.Core.Jobs.Events;

/// <summary>The gate opened after <see cref="Waited"/>: <see cref="Host"/> is back, or (null) every node down during the job is.</summary>
public sealed record GatePassEvent(DateTimeOffset Time, string JobId, string? Host, TimeSpan Waited)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.GatePass;

    /// <summary>This pass as the gate's state, for the views that show every gate check (a method: not in the NDJSON line).</summary>
    public GateEvent AsGate() => new(Time, JobId, Host, true, Host is null ? "every node is back" : $"{Host} is back", Waited);
}
