using System.Globalization;
using System.Text.RegularExpressions;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;

namespace Cstar.Benchmarks.Output;

/// <summary>
/// Memory of the published cstarpar in the size of the hosts' output: N loopback hosts (default 50) each print
/// M MB (default 200) through the local transport; prints the peak RSS of the run, of the run + end-of-job
/// summary, of `jobs log &lt;id&gt;` and of `jobs log &lt;id&gt; --host H` (target: each under 300 MB), and wall times.
/// Needs root, sshd, /usr/bin/time, and 2 x N x M MB of free disk (the run folders hold a copy until cleanup).
/// Run: dotnet run -c Release --project benchmarks/Cstar.Benchmarks -- big-output [hosts] [mb-per-host]
/// (set CSTAR_PUBLISHED_DIR to a `dotnet publish src/Cstar.Cli -c Release -o out` folder to skip publishing).
/// </summary>
internal sealed class BigOutputBenchmark : IBenchmark
{
    public string Name => "big-output";

    public string Description => "peak RSS of cstarpar, its summary and jobs log with N hosts x M MB of output (50 x 200)";

    public async Task<int> RunAsync(string[] args)
    {
        var hosts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
        var megabytes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var cstar = Path.Combine(await PublishedCli.FolderAsync(), "cstar");
        var cstarpar = Path.Combine(await PublishedCli.FolderAsync(), "cstarpar");
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = hosts,
            Datacenters = 1,
            Racks = 3,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(100), maxGossipDelay: TimeSpan.FromMilliseconds(300)),
        });
        var store = Path.Combine(cluster.Directory, "store");
        var home = Path.Combine(cluster.Directory, "operator-home");
        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string> { ["HOME"] = home, ["TERM"] = "dumb" };
        var ssh = new[] { "--ssh-username", "root", "--ssh-identity-file", cluster.IdentityFile, "--ssh-known-hosts", cluster.KnownHostsPath };
        var bytes = (long)megabytes * 1024 * 1024;
        Console.WriteLine($"{hosts} hosts x {megabytes} MB of output (identical: the summary hashes every file), published cstarpar, local transport");

        var runOut = Path.Combine(cluster.Directory, "run.out");
        var run = await MeasuredRun.RunAsync(
            cstarpar,
            ["--seed-host", cluster.Addresses[0], "--all", "--output-directory", store, .. ssh,
             "--", "sh", "-c", $"yes 'a line of output from a big command, 64 bytes long, over and over' 2>/dev/null | head -c {bytes}"],
            runOut, environment, marker: "\n----------------");
        var jobId = Regex.Match(await File.ReadAllTextAsync(runOut), "Job id is ([0-9a-f-]{36})").Groups[1].Value;
        if (run.ExitCode != 0 || jobId.Length == 0)
        {
            Console.WriteLine($"the run failed (exit {run.ExitCode}):\n{await File.ReadAllTextAsync(runOut)}\n{run.Report}");
            return 1;
        }

        foreach (var file in Directory.GetFiles(Path.Combine(store, "jobs", jobId), "out", SearchOption.AllDirectories).Take(Environment.GetEnvironmentVariable("BENCH_SHOW_SHA") is null ? 0 : hosts))
        {
            Console.WriteLine($"{new FileInfo(file).Length} {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.OpenRead(file)))[..16]} {file}");
        }

        var stored = Directory.GetFiles(Path.Combine(store, "jobs", jobId), "out", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var log = await MeasuredRun.RunAsync(cstar, ["jobs", "log", jobId, "--output-directory", store], "/dev/null", environment);
        var one = await MeasuredRun.RunAsync(cstar, ["jobs", "log", jobId, "--host", cluster.Addresses[^1], "--output-directory", store], "/dev/null", environment);

        Console.WriteLine($"stored output: {stored / (1024.0 * 1024):0} MB in {hosts} out files (expected {hosts * megabytes} MB)");
        Console.WriteLine($"{"step",-28} {"exit",4} {"wall (s)",9} {"peak RSS",10}");
        Console.WriteLine($"{"run (until the summary)",-28} {run.ExitCode,4} {"",9} {MeasuredRun.Mb(run.PeakRssKbAtMarkerKb ?? -1024),10}");
        Console.WriteLine($"{"run + end-of-job summary",-28} {run.ExitCode,4} {run.Wall.TotalSeconds,9:0.0} {MeasuredRun.Mb(run.PeakRssKb),10}");
        Console.WriteLine($"{"jobs log <id>",-28} {log.ExitCode,4} {log.Wall.TotalSeconds,9:0.0} {MeasuredRun.Mb(log.PeakRssKb),10}");
        Console.WriteLine($"{"jobs log <id> --host H",-28} {one.ExitCode,4} {one.Wall.TotalSeconds,9:0.0} {MeasuredRun.Mb(one.PeakRssKb),10}");
        Console.WriteLine("summary as printed (group headers, cut markers, the last lines):");
        var summary = (await File.ReadAllLinesAsync(runOut)).SkipWhile(l => !l.StartsWith("----------------", StringComparison.Ordinal)).ToList();
        var groups = summary.Count(l => l.StartsWith("----------------", StringComparison.Ordinal));
        foreach (var line in groups == 1 ? summary.Where(l => l.StartsWith("----------------", StringComparison.Ordinal) || l.StartsWith("[...", StringComparison.Ordinal)).Concat(summary.TakeLast(3)) : summary)
        {
            Console.WriteLine("  " + (line.Length > 150 ? line[..150] + "…" : line));
        }

        const long TargetKb = 300 * 1024;
        return run.PeakRssKb < TargetKb && log.PeakRssKb < TargetKb && one.PeakRssKb < TargetKb && log.ExitCode == 0 && one.ExitCode == 0 ? 0 : 1;
    }
}
