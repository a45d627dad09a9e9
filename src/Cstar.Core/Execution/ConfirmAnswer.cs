namespace Cstar.Core.Execution;

/// <summary>The operator's answer before a host starts under <c>--confirm</c> (planb's per-node prompt).</summary>
public enum ConfirmAnswer
{
    /// <summary>Run this host.</summary>
    Yes,

    /// <summary>Do not run this host: it is recorded Skipped and the job goes on with the others.</summary>
    No,

    /// <summary>Run this host and every later one without asking again.</summary>
    All,

    /// <summary>Start nothing more; hosts already running finish, and the job stays resumable with <c>continue</c>.</summary>
    Quit,
}
