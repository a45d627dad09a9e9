using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cstar.Core.Errors;
using Cstar.Simulator.Host.Cluster;

namespace Cstar.Simulator.Host.Hosts;

/// <summary>
/// One simulated host's process tree: `unshare --pid --fork --kill-child --mount --uts` running the host's
/// launcher, which exec's sshd as pid 1 of the host's own PID namespace. Killing the unshare process kills
/// pid 1 (--kill-child), and the kernel then kills everything else in the namespace: sshd, every session
/// and everything the sessions started. That is what power-off and reboot mean here.
/// </summary>
public sealed class SshdHost
{
    public const string UnshareProgram = "/usr/bin/unshare";

    private readonly ClusterPaths _paths;
    private readonly int _port;
    private Process? _process;

    public SshdHost(ClusterPaths paths, SimulatedNodeInfo node, int port)
    {
        _paths = paths;
        Node = node;
        _port = port;
    }

    public SimulatedNodeInfo Node { get; }

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Starts the host and returns once its sshd accepts TCP connections.</summary>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec " + UnshareProgram + " --pid --fork --kill-child --mount --uts --propagation private --mount-proc "
            + "/bin/sh \"$0\" </dev/null >>\"$1\" 2>&1");
        info.ArgumentList.Add(_paths.HostLauncher(Node.Address));
        info.ArgumentList.Add(_paths.HostLog(Node.Address));
        _process = Process.Start(info) ?? throw new CstarException($"could not start the host {Node.Address}", "Check that util-linux (unshare) is installed.");
        Directory.CreateDirectory(_paths.PidDirectory);
        await File.WriteAllTextAsync(_paths.HostPidFile(Node.Address), _process.Id.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await AcceptsConnectionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_process.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                var log = File.Exists(_paths.HostLog(Node.Address)) ? await File.ReadAllTextAsync(_paths.HostLog(Node.Address), cancellationToken).ConfigureAwait(false) : string.Empty;
                Kill();
                throw new CstarException($"sshd of {Node.Address} did not start: {log.Trim()}", $"Read {_paths.HostLog(Node.Address)}; run as root with openssh-server installed.");
            }

            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Kills the host's whole process tree and returns once its SSH port no longer accepts connections.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Kill();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (await AcceptsConnectionsAsync(cancellationToken).ConfigureAwait(false) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous kill by pid, safe from a process-exit handler.</summary>
    public void Kill()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
            File.Delete(_paths.HostPidFile(Node.Address));
        }
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await client.ConnectAsync(new IPEndPoint(IPAddress.Parse(Node.Address), _port), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
