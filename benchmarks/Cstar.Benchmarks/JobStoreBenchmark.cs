using System.Diagnostics;
using System.Globalization;
using Cstar.Core.Jobs;
using Cstar.JobStore;
using Cstar.JobStore.Sqlite;

namespace Cstar.Benchmarks;

/// <summary>
/// Job store: host transitions per second (one transaction each, synchronous FULL and NORMAL) with
/// per-transition latency percentiles, and the time to list 1,000 jobs. Uses a temporary folder.
/// Args: [transitions=1500] [jobs=1000].
/// </summary>
internal sealed class JobStoreBenchmark : IBenchmark
{
    public string Name => "jobstore";

    public string Description => "SQLite job store: transitions/s (FULL vs NORMAL sync) and listing 1,000 jobs";

    public Task<int> RunAsync(string[] args)
    {
        var transitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1500;
        var jobs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var root = Path.Combine(Path.GetTempPath(), "cstar-bench-jobstore-" + Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine($"temp folder: {root}");
            foreach (var full in new[] { true, false })
            {
                MeasureTransitions(Path.Combine(root, full ? "full" : "normal"), full, transitions);
            }

            MeasureListing(Path.Combine(root, "list"), jobs);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return Task.FromResult(0);
    }

    private static void MeasureTransitions(string root, bool full, int transitions)
    {
        using var store = SqliteJobStore.Open(JobStoreOptions.At(root) with { SynchronousFull = full });
        var hosts = Enumerable.Range(0, (transitions + 2) / 3).Select(i => $"10.{i / 65536}.{i / 256 % 256}.{i % 256}").ToList();
        store.CreateJob(Definition("bench"), hosts);
        var at = DateTimeOffset.UnixEpoch;
        var latencies = new List<double>(transitions);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < transitions; i++)
        {
            var host = hosts[i / 3];
            var transition = (i % 3) switch
            {
                0 => HostTransition.Starting(at),
                1 => HostTransition.Running(at, 4242),
                _ => HostTransition.Succeeded(at),
            };
            var one = Stopwatch.GetTimestamp();
            store.RecordHostTransition("bench", host, transition);
            latencies.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }

        total.Stop();
        latencies.Sort();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"synchronous={(full ? "FULL  " : "NORMAL")}: {transitions} transitions in {total.Elapsed.TotalSeconds:0.00} s = {transitions / total.Elapsed.TotalSeconds:0} transitions/s; per transition p50 {latencies[latencies.Count / 2]:0.000} ms, p99 {latencies[latencies.Count * 99 / 100]:0.000} ms, max {latencies[^1]:0.000} ms"));
    }

    private static void MeasureListing(string root, int jobs)
    {
        using var store = SqliteJobStore.Open(JobStoreOptions.At(root) with { SynchronousFull = false });
        var hosts = Enumerable.Range(1, 12).Select(i => "10.0.0." + i.ToString(CultureInfo.InvariantCulture)).ToList();
        for (var j = 0; j < jobs; j++)
        {
            store.CreateJob(Definition("job-" + j.ToString(CultureInfo.InvariantCulture)), hosts);
        }

        store.ListJobs(); // warm-up
        const int Runs = 20;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var count = 0;
        for (var r = 0; r < Runs; r++)
        {
            count = store.ListJobs().Count;
        }

        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"list {count} jobs ({hosts.Count} hosts each): {watch.Elapsed.TotalMilliseconds / Runs:0.00} ms wall, {cpuUsed.TotalMilliseconds / Runs:0.00} ms CPU per listing (mean of {Runs}; wall time includes waiting for a loaded machine)"));
    }

    private static JobDefinition Definition(string id) => new(
        id, "restart", new CommandSource("nodetool drain", null, "00"), [JobArgument.FromLiteral("a", "b")], "{}",
        HostSelection.FromSeeds("10.0.0.1"), "benchmark", ["bench"], DateTimeOffset.UnixEpoch, RunnerKind.Remote);
}
