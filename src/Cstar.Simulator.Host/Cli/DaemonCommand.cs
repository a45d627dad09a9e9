using System.Globalization;
using System.Runtime.InteropServices;
using Cstar.Simulator.Host.Daemon;

namespace Cstar.Simulator.Host.Cli;

/// <summary>`cstar-sim daemon <hosts> [options]`: runs the cluster in the foreground until `down`, SIGTERM or SIGINT.</summary>
internal static class DaemonCommand
{
    public static async Task<int> RunAsync(CliArguments args)
    {
        var options = args.ClusterOptions(UpCommand.HostCount(args));
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.TrySetResult(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopping.TrySetResult(); });
        Directory.CreateDirectory(options.Directory);
        var paths = new Cluster.ClusterPaths(options.Directory);
        await File.WriteAllTextAsync(paths.DaemonPidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await using var daemon = await SimulatorDaemon.StartAsync(options, args.RingFactory).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => daemon.KillHosts();
        Console.WriteLine($"cstar-sim daemon ready: {options.HostCount} hosts, pid {Environment.ProcessId}");
        await Task.WhenAny(stopping.Task, daemon.ShutdownRequested).ConfigureAwait(false);
        Console.WriteLine("cstar-sim daemon stopping");
        return 0;
    }
}
