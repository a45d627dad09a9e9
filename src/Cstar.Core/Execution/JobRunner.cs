using Cstar.Core.Ports;

namespace Cstar.Core.Execution;

/// <summary>
/// Turns scheduler decisions into work on hosts. <see cref="RunAsync"/> creates (or resumes) the job and runs it
/// to its end: Finished, Halted (failure, blocked, a node that did not come back), StoppedAfter, or Interrupted
/// when <c>stopScheduling</c> is cancelled (Ctrl+C: running hosts go on remotely, the job is resumable).
/// Expected failures are values in the <see cref="JobOutcome"/>; a user error (e.g. a host of a resumed job
/// left the ring) is a CstarException. Every event of the run goes to <c>subscribers</c>, in order, through one
/// <see cref="JobEventFanOut"/>.
/// </summary>
public sealed class JobRunner(JobRunnerServices services)
{
    public async Task<JobOutcome> RunAsync(JobRunRequest request, IEnumerable<IJobEventSubscriber> subscribers, CancellationToken stopScheduling)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subscribers);
        using var run = new JobRun(services, request, new JobEventFanOut(subscribers));
        return await run.RunAsync(stopScheduling).ConfigureAwait(false);
    }
}
