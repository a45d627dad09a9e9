namespace Cstar.Core.Jobs;

/// <summary>
/// The only way a host's state changes. Pure: the store applies it inside the transaction that
/// records the change, so an illegal move (e.g. starting a host twice) can never be persisted.
/// <code>
/// Pending  → Starting | Skipped
/// Starting → Running | Succeeded | Failed | TimedOut | DidNotComeBack
/// Running  → Succeeded | Failed | TimedOut | DidNotComeBack
/// Failed | TimedOut | DidNotComeBack → Pending   (only with --retry-failed)
/// Succeeded, Skipped: final
/// </code>
/// Starting may end without Running: on resume the engine attaches and may find the command already finished.
/// </summary>
public static class HostStateMachine
{
    public static bool IsTerminal(HostRunStateKind kind) => kind is HostRunStateKind.Succeeded or HostRunStateKind.Failed
        or HostRunStateKind.TimedOut or HostRunStateKind.DidNotComeBack or HostRunStateKind.Skipped;

    /// <summary>True for the failed kinds that stay failed until <c>--retry-failed</c>.</summary>
    public static bool IsFailure(HostRunStateKind kind) => kind is HostRunStateKind.Failed
        or HostRunStateKind.TimedOut or HostRunStateKind.DidNotComeBack;

    /// <summary>Whether the move is legal at all, ignoring the facts it carries.</summary>
    public static bool IsLegal(HostRunStateKind from, HostRunStateKind to, bool retryFailed) => (from, to) switch
    {
        (HostRunStateKind.Pending, HostRunStateKind.Starting or HostRunStateKind.Skipped) => true,
        (HostRunStateKind.Starting, HostRunStateKind.Running) => true,
        (HostRunStateKind.Starting or HostRunStateKind.Running, _) when IsFailure(to) || to == HostRunStateKind.Succeeded => true,
        (_, HostRunStateKind.Pending) when IsFailure(from) => retryFailed,
        _ => false,
    };

    public static HostTransitionResult Apply(HostRunState current, HostTransition transition, bool retryFailed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(transition);
        var (from, to) = (current.Kind, transition.To);
        if (!IsLegal(from, to, retryFailed))
        {
            var hint = IsFailure(from) && to == HostRunStateKind.Pending ? " (a failed host is retried only with --retry-failed)" : string.Empty;
            return HostTransitionResult.Refuse($"host {current.Host}: {from} → {to} is not a legal transition{hint}");
        }

        if (MissingFact(transition) is { } missing)
        {
            return HostTransitionResult.Refuse($"host {current.Host}: {to} needs {missing}");
        }

        var next = to switch
        {
            HostRunStateKind.Starting => current with
            {
                Kind = to,
                Attempt = current.Attempt + 1,
                RemotePid = null,
                ExitCode = null,
                Reason = null,
                StartedAt = transition.At,
                EndedAt = null,
            },
            HostRunStateKind.Running => current with { Kind = to, RemotePid = transition.RemotePid },
            HostRunStateKind.Pending => current with { Kind = to, RemotePid = null, ExitCode = null, Reason = transition.Reason, EndedAt = null },
            _ => current with { Kind = to, ExitCode = transition.ExitCode, Reason = transition.Reason, EndedAt = transition.At },
        };
        return HostTransitionResult.Accept(next);
    }

    private static string? MissingFact(HostTransition t) => t.To switch
    {
        HostRunStateKind.Running when t.RemotePid is not > 0 => "the remote pid",
        HostRunStateKind.Succeeded when t.ExitCode is not 0 => "exit code 0",
        HostRunStateKind.Failed when t.ExitCode is 0 => "a non-zero exit code (or none)",
        HostRunStateKind.Failed or HostRunStateKind.TimedOut or HostRunStateKind.DidNotComeBack or HostRunStateKind.Skipped
            when string.IsNullOrWhiteSpace(t.Reason) => "a reason",
        _ => null,
    };
}
