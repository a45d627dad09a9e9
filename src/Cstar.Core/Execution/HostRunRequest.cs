using System.Collections.Immutable;
using Cstar.Core.Ports;

namespace Cstar.Core.Execution;

/// <summary>
/// One host's run as the runner loop hands it to an <see cref="IHostRunner"/>. <see cref="Attach"/> is true on
/// resume: the host was recorded Starting or Running, so the runner must attach (its wrapper still starts the
/// command if, and only if, it never started). The timeout counts from <see cref="StartedAt"/>. The runner hands
/// the command's output to <see cref="Output"/> (awaiting each write) and never opens, closes or finishes it: the
/// job loop owns the host's output and writes its <c>status</c> when it records how the command ended.
/// </summary>
public sealed record HostRunRequest(
    string JobId,
    string Host,
    HostPlacement Placement,
    bool Attach,
    DateTimeOffset StartedAt,
    TimeSpan? Timeout,
    ImmutableDictionary<string, string> Environment,
    IHostOutputSink Output,
    Action<long> OnRunning)
{
    /// <summary>Called by the runner on each failed attempt to reach the host while it follows the command (none: not reported).</summary>
    public Action<HostUnreachable>? OnUnreachable { get; init; }
}
