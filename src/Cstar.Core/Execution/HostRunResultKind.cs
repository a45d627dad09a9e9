namespace Cstar.Core.Execution;

/// <summary>How a host's command ended, as seen by the host runner.</summary>
public enum HostRunResultKind
{
    /// <summary>The command exited; <see cref="HostRunResult.ExitCode"/> says how.</summary>
    Exited,

    /// <summary>The per-host timeout expired and the command's process group was killed.</summary>
    TimedOut,

    /// <summary>The command's process vanished without an exit status: its host went away (rebooted) under it.</summary>
    HostRebooted,

    /// <summary>The host could not be reached or followed any more (reconnects exhausted), or the run folder was unusable.</summary>
    Lost,

    /// <summary>The runner stopped following (Ctrl+C): the command keeps running on the host.</summary>
    Detached,
}
