using System.Collections.Immutable;

namespace Cstar.Core.Commands;

/// <summary>
/// What a command script declares in its `# C* key: value` header. Absent keys are null so that the
/// precedence "command line, then header, then default" is decided in one place.
/// </summary>
public sealed record CommandHeader(
    string Name,
    string? Description,
    string? Strategy,
    bool? ClusterParallel,
    bool? DcParallel,
    ImmutableArray<CommandArgument> Arguments,
    bool WaitForCql,
    TimeSpan? Timeout,
    int? MaxConcurrency,
    ImmutableArray<string> Warnings)
{
    /// <summary>
    /// <c># C* reboots-host: true</c>: the command reboots its own host, so a host that came back with a new boot id
    /// while the command's process left no exit status counts as the command's end (then gated like a success).
    /// Without it such a host is Failed (lost): its end was not observed.
    /// </summary>
    public bool RebootsHost { get; init; }

    /// <summary>
    /// `# C* takes-node-down: true`: the command makes its node stop serving (restart, upgradesstables, reboot), so
    /// running it on every host at once (strategy all) needs --confirm or --yes-all-at-once.
    /// </summary>
    public bool TakesNodeDown { get; init; }

    /// <summary>
    /// <c># C* wait-for: compactions&lt;N</c>: the back-pressure gate holds a host's start until it and its replicas
    /// report fewer than N pending compactions (and counts a finished host back only below N); --max-pending-compactions wins.
    /// </summary>
    public int? MaxPendingCompactions { get; init; }

    public static CommandHeader Empty(string name) =>
        new(name, null, null, null, null, ImmutableArray<CommandArgument>.Empty, false, null, null, ImmutableArray<string>.Empty);
}
