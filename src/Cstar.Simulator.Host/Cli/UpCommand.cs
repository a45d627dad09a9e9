using System.Diagnostics;
using System.Globalization;
using Cstar.Core.Errors;
using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Control;
using Cstar.Simulator.Host.Hosts;

namespace Cstar.Simulator.Host.Cli;

/// <summary>
/// `cstar-sim up N`: starts `cstar-sim daemon` detached (setsid, output in daemon.log), waits until its control
/// socket answers, and prints how to reach the hosts.
/// </summary>
internal static class UpCommand
{
    public static int HostCount(CliArguments args) =>
        args.Positional.Count > 1 && int.TryParse(args.Positional[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new CstarException("how many hosts?", "Write e.g. `cstar-sim up 12 --dcs 2 --racks 3`.");

    public static async Task<int> RunAsync(CliArguments args, IReadOnlyList<string> rawArgs)
    {
        var options = args.ClusterOptions(HostCount(args));
        _ = ClusterSpec.From(options);
        var paths = new ClusterPaths(options.Directory);
        if (File.Exists(paths.ControlSocket) && await AnswersAsync(paths).ConfigureAwait(false))
        {
            throw new CstarException($"a cluster is already running in {options.Directory}", $"Run `cstar-sim down --dir {options.Directory}` first, or pick another --dir.");
        }

        Directory.CreateDirectory(options.Directory);
        File.Delete(paths.DaemonPidFile);
        var command = SimulatorCommand.Current();
        var info = new ProcessStartInfo("/usr/bin/setsid") { UseShellExecute = false };
        foreach (var arg in new[] { "-f", "/bin/sh", "-c", "exec \"$@\" </dev/null >>\"$0\" 2>&1", paths.DaemonLog, command.DotnetHost, command.SimulatorAssembly, "daemon" })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var arg in rawArgs.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        if (args.Get("--dir") is null)
        {
            info.ArgumentList.Add("--dir");
            info.ArgumentList.Add(options.Directory);
        }

        using (Process.Start(info))
        {
        }

        var watch = Stopwatch.StartNew();
        while (!await AnswersAsync(paths).ConfigureAwait(false))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(180) || DaemonDied(paths))
            {
                var log = File.Exists(paths.DaemonLog) ? await File.ReadAllTextAsync(paths.DaemonLog).ConfigureAwait(false) : string.Empty;
                throw new CstarException($"the cluster did not come up:\n{log.Trim()}", $"Read {paths.DaemonLog}; then `cstar-sim down --dir {options.Directory}`.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        Console.WriteLine($"cstar-sim: {options.HostCount} hosts up in {watch.Elapsed.TotalSeconds:F1} s, cluster dir {options.Directory}");
        Console.WriteLine($"  ssh -F {paths.SshConfig} node001 nodetool status");
        Console.WriteLine($"  cstar-sim status --dir {options.Directory}    cstar-sim down --dir {options.Directory}");
        return 0;
    }

    private static bool DaemonDied(ClusterPaths paths) =>
        File.Exists(paths.DaemonPidFile)
        && int.TryParse(File.ReadAllText(paths.DaemonPidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
        && !Directory.Exists($"/proc/{pid}");

    private static async Task<bool> AnswersAsync(ClusterPaths paths)
    {
        try
        {
            var answer = await ControlClient.SendAsync(paths.ControlSocket, new ControlRequest("status"), TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            return answer.ExitCode == 0;
        }
        catch (Exception e) when (e is CstarException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
