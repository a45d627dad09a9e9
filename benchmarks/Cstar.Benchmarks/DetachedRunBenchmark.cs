using System.Collections.Immutable;
using System.Diagnostics;
using Cstar.Core.Execution;
using Cstar.TestKit.Execution;
using Cstar.TestKit.Ssh;
using Cstar.Transport;
using Cstar.Transport.Detached;
using Cstar.Transport.Execution;
using Cstar.Transport.Local;
using Cstar.Transport.OpenSsh;
using Cstar.Transport.SshNet;

namespace Cstar.Benchmarks;

/// <summary>
/// What a detached run adds around a `sleep 1` on one warm connection to a local test sshd, per transport: from the
/// call to the remote pid seen (start latency), from the pid seen to the result minus the 1 s (end latency), then
/// 8 runs at once (the pid-seen spread). The poll interval is the default 200 ms. Args: [runs per transport (20)].
/// </summary>
internal sealed class DetachedRunBenchmark : IBenchmark
{
    public string Name => "detached";

    public string Description => "detached run of `sleep 1` per transport: start latency (to pid seen), end latency (past the 1 s), 8 at once";

    public async Task<int> RunAsync(string[] args)
    {
        // As the CLI does: SSH.NET opens channels with blocking calls on pool threads.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 256), Math.Max(io, 256));
        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
        await using var server = await TestSshServer.StartAsync();
        var options = new SshOptions { Port = server.Port, Username = "root", IdentityFile = server.ClientKey(), KnownHostsFile = server.KnownHostsFile };
        var folder = Directory.CreateTempSubdirectory("cstar-bench-detached-").FullName;
        Console.WriteLine($"sshd {server.Address}:{server.Port}, {runs} sequential detached runs of 'sleep 1' per transport, then 8 at once; load {Load()}");
        Console.WriteLine($"{"transport",-10} {"start med/p90 (ms)",19} {"end med/p90 (ms)",17} {"8 at once: spread (ms)",23} {"CPU (s)",8}");
        await MeasureAsync("ssh.net", new SshNetTransport(options), server.Address, runs, folder);
        await MeasureAsync("openssh", new OpenSshTransport(options), server.Address, runs, folder);
        await MeasureAsync("local", new LocalTransport(), "localhost", runs, folder);
        Console.WriteLine($"load after: {Load()}");
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static async Task MeasureAsync(string name, CommandTransportBase transport, string host, int runs, string folder)
    {
        await using (transport)
        {
            var runner = new DetachedHostRunner(transport, new DetachedRunOptions
            {
                Folder = r => Path.Combine(folder, name, r.JobId),
                Payload = _ => new RunPayload("sleep 1", new Dictionary<string, string>()),
            });
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            await RunAsync(runner, host, $"warm-{host}");
            var starts = new List<double>();
            var ends = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var (start, end) = await RunAsync(runner, host, $"seq-{i}");
                starts.Add(start.TotalMilliseconds);
                ends.Add(end.TotalMilliseconds - 1000);
            }

            var clock = Stopwatch.StartNew();
            var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => RunAsync(runner, host, $"par-{i}")));
            var spread = together.Max(t => t.Start.TotalMilliseconds) - together.Min(t => t.Start.TotalMilliseconds);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"{name,-10} {$"{Median(starts):0} / {P90(starts):0}",19} {$"{Median(ends):0} / {P90(ends):0}",17} {spread,23:0} {cpu.TotalSeconds,8:0.00}");
        }
    }

    /// <summary>One run: the time to its pid seen, and from then to its result.</summary>
    private static async Task<(TimeSpan Start, TimeSpan End)> RunAsync(DetachedHostRunner runner, string host, string job)
    {
        var clock = Stopwatch.StartNew();
        var running = TimeSpan.Zero;
        var outputs = new InMemoryHostOutputStore();
        var request = new HostRunRequest(
            job, host, new HostPlacement(host, "c1", "dc1", "r1"), false, DateTimeOffset.UtcNow, null,
            ImmutableDictionary<string, string>.Empty, outputs.Sink(job, host), _ => running = clock.Elapsed);
        var result = await runner.RunAsync(request, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{job}: {result.Kind} {result.Reason}");
        }

        return (running, clock.Elapsed - running);
    }

    private static double Median(List<double> samples) => samples.Order().ElementAt(samples.Count / 2);

    private static double P90(List<double> samples) => samples.Order().ElementAt((int)(samples.Count * 0.9));

    private static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
