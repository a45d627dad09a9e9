using System.Diagnostics;
using System.Globalization;
using Cstar.Core.Errors;
using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Control;

namespace Cstar.Simulator.Host.Cli;

/// <summary>
/// `cstar-sim down`: asks the daemon to shut down (it kills its hosts), waits for it, then kills by recorded
/// pid whatever is left (host process trees from pids/, then the daemon) so nothing survives a crashed daemon.
/// </summary>
internal static class DownCommand
{
    public static async Task<int> RunAsync(CliArguments args)
    {
        var paths = new ClusterPaths(args.Directory);
        if (!Directory.Exists(paths.Directory))
        {
            throw new CstarException($"no cluster directory {paths.Directory}", "Pass the --dir the cluster was started with.");
        }

        var daemonPid = ReadPid(paths.DaemonPidFile);
        try
        {
            await ControlClient.SendAsync(paths.ControlSocket, new ControlRequest("shutdown"), TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is CstarException or IOException or OperationCanceledException)
        {
            Console.Error.WriteLine($"cstar-sim: daemon not answering ({e.Message}); killing by recorded pids");
        }

        var watch = Stopwatch.StartNew();
        while (daemonPid is { } pid && Alive(pid) && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        var killed = 0;
        if (Directory.Exists(paths.PidDirectory))
        {
            foreach (var file in Directory.GetFiles(paths.PidDirectory))
            {
                killed += Kill(ReadPid(file)) ? 1 : 0;
                File.Delete(file);
            }
        }

        killed += Kill(daemonPid) ? 1 : 0;
        File.Delete(paths.DaemonPidFile);
        File.Delete(paths.ControlSocket);
        Console.WriteLine($"cstar-sim: cluster in {paths.Directory} is down{(killed > 0 ? $" ({killed} leftover processes killed)" : string.Empty)}");
        return 0;
    }

    private static int? ReadPid(string file) =>
        File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;

    private static bool Alive(int pid) => Directory.Exists($"/proc/{pid}");

    private static bool Kill(int? pid)
    {
        if (pid is not { } id || !Alive(id))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            process.Kill();
            process.WaitForExit(5000);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
