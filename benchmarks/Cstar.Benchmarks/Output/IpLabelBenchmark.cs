using System.Globalization;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;

namespace Cstar.Benchmarks.Output;

/// <summary>
/// --ip-label on one host (of 3) printing M MB (default 300) without a newline, through the published cstarpar (local
/// transport), console output to /dev/null: wall time and peak RSS without and with the flag, and their ratio
/// (target: within 2x). Needs root, sshd and /usr/bin/time.
/// Run: dotnet run -c Release --project benchmarks/Cstar.Benchmarks -- ip-label [mb]
/// </summary>
internal sealed class IpLabelBenchmark : IBenchmark
{
    public string Name => "ip-label";

    public string Description => "one host printing M MB (300) without newline: time and RSS with and without --ip-label";

    public async Task<int> RunAsync(string[] args)
    {
        var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var cstarpar = Path.Combine(await PublishedCli.FolderAsync(), "cstarpar");
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = 3,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(100), maxGossipDelay: TimeSpan.FromMilliseconds(300)),
        });
        var home = Path.Combine(cluster.Directory, "operator-home");
        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string> { ["HOME"] = home, ["TERM"] = "dumb" };
        var command = $"head -c {(long)megabytes * 1024 * 1024} /dev/zero | tr '\\000' x";
        Console.WriteLine($"1 host printing {megabytes} MB without a newline (published cstarpar, local transport, stdout to /dev/null)");
        Console.WriteLine($"{"flags",-12} {"exit",4} {"wall (s)",9} {"peak RSS",10}");
        var runs = new List<MeasuredRun>();
        foreach (var flags in (string[][])[[], ["--ip-label"]])
        {
            var run = await MeasuredRun.RunAsync(
                cstarpar,
                ["--seed-host", cluster.Addresses[0], "--host", cluster.Addresses[0], "--output-directory", Path.Combine(cluster.Directory, "store"), .. flags,
                 "--ssh-username", "root", "--ssh-identity-file", cluster.IdentityFile, "--ssh-known-hosts", cluster.KnownHostsPath, "--", "sh", "-c", command],
                "/dev/null", environment);
            runs.Add(run);
            if (run.ExitCode != 0)
            {
                Console.WriteLine(run.Report);
            }

            Console.WriteLine($"{(flags.Length == 0 ? "(none)" : flags[0]),-12} {run.ExitCode,4} {run.Wall.TotalSeconds,9:0.0} {MeasuredRun.Mb(run.PeakRssKb),10}");
        }

        var ratio = runs[1].Wall / runs[0].Wall;
        Console.WriteLine($"--ip-label / without: {ratio:0.00}x (target: within 2x)");
        return runs.All(r => r.ExitCode == 0) && ratio <= 2 ? 0 : 1;
    }
}
