using Cstar.Core.Ports;

namespace Cstar.Core.Execution;

/// <summary>Output of a host's command as it arrived (it is already stored when this is called).</summary>
public sealed record HostOutputArgs(DateTimeOffset Time, string Host, OutputStreamKind Stream, string Text);
