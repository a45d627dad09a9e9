namespace Cstar.Core.Execution;

/// <summary>How a host's command ended, as seen by the host runner.</summary>
public enum HostRunResultKind
{
    /// <summary>The command exited; <see cref="HostRunResult.ExitCode"/> says how.</summary>
    Exited,

    /// <summary>
    /// The per-host timeout expired and the kill saw its effect: the command's process group was killed and is gone, the
    /// command was stopped before it started, or it had already ended by itself (the reason says which). A kill that
    /// could not be delivered, or after which the command may still run, is <see cref="Lost"/>.
    /// </summary>
    TimedOut,

    /// <summary>
    /// The command's process vanished without an exit status and the host has a NEW boot id: it rebooted under the
    /// command. A success only for a command that declares <c># C* reboots-host: true</c>; else Failed (lost).
    /// </summary>
    HostRebooted,

    /// <summary>
    /// The command's end was not observed: the host could not be reached any more (reconnect window over), its process
    /// vanished without a status on the same boot, the status is unreadable (a full disk), or the run folder was unusable.
    /// </summary>
    Lost,

    /// <summary>The runner stopped following (Ctrl+C): the command keeps running on the host.</summary>
    Detached,
}
