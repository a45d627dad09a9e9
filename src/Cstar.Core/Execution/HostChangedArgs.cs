using Cstar.Core.Jobs;

namespace Cstar.Core.Execution;

/// <summary>A host moved: its recorded state, whether its command ended and it waits to be seen back, and why.</summary>
public sealed record HostChangedArgs(DateTimeOffset Time, string Host, HostRunStateKind State, bool AwaitingReturn, long? Pid, int? ExitCode, string? Reason);
