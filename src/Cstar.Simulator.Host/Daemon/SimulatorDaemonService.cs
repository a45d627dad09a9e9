using System.Globalization;
using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Ring;
using Microsoft.Extensions.Hosting;

namespace Cstar.Simulator.Host.Daemon;

/// <summary>
/// The simulator daemon as a Generic Host service: starts the cluster, runs until `cstar-sim down` asks or the
/// host stops (SIGTERM, SIGINT), then disposes the cluster (every sshd and simulated node) before the process ends.
/// </summary>
internal sealed class SimulatorDaemonService(ClusterOptions options, SimulatedRingFactory ringFactory, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(options.Directory);
        var paths = new ClusterPaths(options.Directory);
        await File.WriteAllTextAsync(paths.DaemonPidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture), CancellationToken.None).ConfigureAwait(false);
        await using var daemon = await SimulatorDaemon.StartAsync(options, ringFactory, cancellationToken: stoppingToken).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => daemon.KillHosts();
        Console.WriteLine($"cstar-sim daemon ready: {options.HostCount} hosts, pid {Environment.ProcessId}");
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (stoppingToken.Register(() => stopped.TrySetResult()))
        {
            await Task.WhenAny(stopped.Task, daemon.ShutdownRequested).ConfigureAwait(false);
        }

        Console.WriteLine("cstar-sim daemon stopping");
        lifetime.StopApplication();
    }
}
