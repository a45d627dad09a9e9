using System.Diagnostics;
using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Daemon;
using Cstar.Simulator.Host.Hosts;

namespace Cstar.Benchmarks.Loopback;

/// <summary>
/// Starts N loopback hosts (real sshds, default 100) in-process, then runs `hostname` on every one with the real
/// ssh client, then tears down; prints each phase's time. Needs root, openssh-server and unshare.
/// Run: dotnet run -c Release --project benchmarks/Cstar.Benchmarks -- loopback-startup [hosts] [parallelism]
/// </summary>
internal sealed class LoopbackStartupBenchmark : IBenchmark
{
    public string Name => "loopback-startup";

    public string Description => "start N (100) real sshd hosts on 127.N.x.y, ssh to each, tear down";

    public async Task<int> RunAsync(string[] args)
    {
        var hosts = args.Length > 0 ? int.Parse(args[0]) : 100;
        var parallelism = args.Length > 1 ? int.Parse(args[1]) : 16;
        var directory = Path.Combine(Path.GetTempPath(), "cstar-bench-loopback-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new ClusterOptions { Directory = directory, HostCount = hosts, Datacenters = 2, Racks = 3, Network = 201, StartParallelism = parallelism };
        var total = Stopwatch.StartNew();
        var daemon = await SimulatorDaemon.StartAsync(options, spec => new IdleRing(spec.Nodes));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => daemon.KillHosts();
        try
        {
            var started = total.Elapsed;
            Console.WriteLine($"{hosts} hosts started in {started.TotalSeconds:F1} s (parallelism {parallelism})");
            var failures = 0;
            var ssh = Stopwatch.StartNew();
            await Parallel.ForEachAsync(daemon.Spec.Nodes, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (node, ct) =>
            {
                var (exit, stdout, _) = await ProcessRunner.RunAsync("/usr/bin/ssh", ["-F", daemon.Paths.SshConfig, "-o", "BatchMode=yes", node.Address, "hostname"], TimeSpan.FromSeconds(30), ct);
                if (exit != 0 || stdout.Trim() != node.HostName)
                {
                    Interlocked.Increment(ref failures);
                }
            });
            Console.WriteLine($"ssh hostname on all {hosts} hosts: {ssh.Elapsed.TotalSeconds:F1} s, {failures} failures");
            return failures == 0 ? 0 : 1;
        }
        finally
        {
            var down = Stopwatch.StartNew();
            await daemon.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            Console.WriteLine($"teardown: {down.Elapsed.TotalSeconds:F1} s; total {total.Elapsed.TotalSeconds:F1} s");
        }
    }
}
