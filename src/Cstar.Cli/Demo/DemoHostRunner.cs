using Cstar.Cli.Verbs;
using Cstar.Core.Execution;
using Cstar.Core.Ports;
using Cstar.Simulator;

namespace Cstar.Cli.Demo;

/// <summary>
/// The demo's `restart` on a simulated node: drain, stop, start (the node then takes its start delay and its
/// peers their gossip delays to see it UN). One host may be made to fail, another to never come back.
/// </summary>
internal sealed class DemoHostRunner(SimulatedRing ring, DemoOptions options, TimeProvider time) : IHostRunner
{
    private int _pid = 1000;

    public async Task<HostRunResult> RunAsync(HostRunRequest request, CancellationToken detach)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.OnRunning(Interlocked.Increment(ref _pid));
        await SayAsync(request, "draining\n", detach);
        ring.Drain(request.Host);
        await SayAsync(request, "stopping Cassandra\n", detach);
        ring.StopCassandra(request.Host);
        if (request.Host == options.FailHost)
        {
            var error = System.Text.Encoding.UTF8.GetBytes("service cassandra start: failed (injected by --fail-host)\n");
            await request.Output.WriteAsync(new OutputBytes(OutputStreamKind.StandardError, error), detach);
            return HostRunResult.Exited(1);
        }

        await SayAsync(request, "starting Cassandra\n", detach);
        if (request.Host != options.NeverBackHost)
        {
            ring.StartCassandra(request.Host, TimeSpan.FromSeconds(options.StartSeconds));
        }

        return HostRunResult.Exited(0);
    }

    public Task CleanupAsync(HostRunRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SayAsync(HostRunRequest request, string text, CancellationToken cancellationToken)
    {
        await request.Output.WriteAsync(new OutputBytes(OutputStreamKind.StandardOutput, System.Text.Encoding.UTF8.GetBytes(text)), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(options.StepSeconds), time, cancellationToken);
    }
}
