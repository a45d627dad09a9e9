using Cstar.Core.Execution;

namespace Cstar.Core.Ports;

/// <summary>
/// Runs (or attaches to) one host's command and returns how it ended. Implementations: detached remote runs
/// over SSH, local runs (cstarpar), fakes. Output is handed to <see cref="HostRunRequest.Output"/> (awaiting each
/// write); the pid is reported through the request's callback, which feeds the runner loop's channel. A runner never
/// opens, finishes or closes the host's output: the job loop owns it (and writes its status).
/// Cancelling the token DETACHES: the command keeps running where it runs, and the task ends with
/// <see cref="HostRunResultKind.Detached"/> (or an OperationCanceledException).
/// </summary>
public interface IHostRunner
{
    Task<HostRunResult> RunAsync(HostRunRequest request, CancellationToken detach);

    /// <summary>Removes what the run left on the host (its run folder). Called only after the result is recorded.</summary>
    Task CleanupAsync(HostRunRequest request, CancellationToken cancellationToken);
}
