using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.Cli.Composition;

/// <summary>The engine of one run (see <see cref="JobEngineFactory"/>); disposing it closes what the factory opened.</summary>
internal sealed class JobEngine(JobRunner runner, IAsyncDisposable owned) : IAsyncDisposable
{
    public Task<JobOutcome> RunAsync(JobRunRequest request, IEnumerable<IJobEventSubscriber> subscribers, CancellationToken stopScheduling) =>
        runner.RunAsync(request, subscribers, stopScheduling);

    public ValueTask DisposeAsync() => owned.DisposeAsync();
}
