namespace Cstar.Core.Execution;

/// <summary>The health gate's view of a host (or of the ring when <see cref="Host"/> is null): passed or why it waits.</summary>
public sealed record GateArgs(DateTimeOffset Time, string? Host, bool Passed, string Status, TimeSpan Waited);
