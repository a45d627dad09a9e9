namespace Cstar.Core.Jobs;

/// <summary>Where one host is in a job. See <see cref="HostStateMachine"/> for the legal moves.</summary>
public enum HostRunStateKind
{
    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>Recorded BEFORE anything is sent to the host: after a crash, the host must be attached to, never started blindly.</summary>
    Starting,

    /// <summary>The command runs on the host and its remote pid is known.</summary>
    Running,

    Succeeded,

    /// <summary>Non-zero exit or an error; sticky until <c>continue --retry-failed</c>.</summary>
    Failed,

    TimedOut,

    /// <summary>The command ended but the node did not come back up in time.</summary>
    DidNotComeBack,

    /// <summary>Not run, with a reason (e.g. no longer in the ring).</summary>
    Skipped,
}
