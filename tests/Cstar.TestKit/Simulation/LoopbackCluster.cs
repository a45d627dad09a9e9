using System.Collections.Concurrent;
using Cstar.Simulator;
using Cstar.Simulator.Host.Daemon;
using Cstar.Simulator.Host.Hosts;

namespace Cstar.TestKit.Simulation;

/// <summary>
/// N simulated Cassandra hosts, each a real OpenSSH sshd on its own 127.N.x.y address with its own host key,
/// home directory, host name and nodetool; the ring model and the controls run in-process (a
/// <see cref="SimulatorDaemon"/>). Everything lives in its own temp directory and is killed on dispose — and,
/// if a test run dies before disposing, by a process-exit handler.
/// <code>
/// await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 6, Datacenters = 2 });
/// var answer = await cluster.SshAsync(cluster.Addresses[0], "nodetool status");
/// </code>
/// </summary>
public sealed class LoopbackCluster : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<LoopbackCluster, byte> Live = new();
    private static readonly ConcurrentDictionary<string, byte> Disposed = new(StringComparer.Ordinal);

    /// <summary>The directories of the clusters of this test process that were disposed: nothing of them may be left running.</summary>
    public static IReadOnlyCollection<string> DisposedDirectories => [.. Disposed.Keys];
    private static int _exitHandlerInstalled;
    private readonly SimulatorDaemon _daemon;

    private LoopbackCluster(SimulatorDaemon daemon) => _daemon = daemon;

    public string Directory => _daemon.Paths.Directory;

    public IReadOnlyList<SimulatedNodeInfo> Nodes => _daemon.Spec.Nodes;

    public IReadOnlyList<string> Addresses => Nodes.Select(n => n.Address).ToList();

    /// <summary>Give it to ssh with -F: Host entries (address and host name) with user, key and strict known_hosts.</summary>
    public string SshConfigPath => _daemon.Paths.SshConfig;

    public string KnownHostsPath => _daemon.Paths.KnownHosts;

    /// <summary>The private key every host accepts for root.</summary>
    public string IdentityFile => _daemon.Paths.ClientKey;

    public int SshPort => _daemon.Options.SshPort;

    public int CqlPort => _daemon.Options.CqlPort;

    public ISimulatedRing Ring => _daemon.Ring;

    /// <summary>Every nodetool call and process or power control each host received, with its time.</summary>
    public HostHistory History => _daemon.History;

    /// <summary>The daemon itself, for controls not mirrored here.</summary>
    public SimulatorDaemon Daemon => _daemon;

    /// <summary>Pids of the hosts' process trees (one unshare process per powered-on host).</summary>
    public IReadOnlyList<int> HostProcessIds => _daemon.HostProcessIds;

    public static async Task<LoopbackCluster> StartAsync(LoopbackClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LoopbackClusterOptions();
        InstallExitHandler();
        var directory = Path.Combine(Path.GetTempPath(), "cstar-loopback-" + Guid.NewGuid().ToString("N")[..10]);
        var network = LoopbackNetworks.Allocate(options.SshPort);
        var daemon = await SimulatorDaemon.StartAsync(options.ToClusterOptions(directory, network), options.RingFactory, null, options.Time, cancellationToken);
        var cluster = new LoopbackCluster(daemon);
        Live.TryAdd(cluster, 0);
        return cluster;
    }

    public HostPower PowerOf(string address) => _daemon.PowerOf(address);

    public void StopCassandra(string address) => _daemon.StopCassandra(address);

    public void StartCassandra(string address, TimeSpan? startDelay = null) => _daemon.StartCassandra(address, startDelay);

    public void RestartCassandra(string address, TimeSpan? startDelay = null) => _daemon.RestartCassandra(address, startDelay);

    public void Drain(string address) => _daemon.Drain(address);

    public void SplitSchema(string address) => _daemon.SplitSchema(address);

    public Task PowerOffAsync(string address) => _daemon.PowerOffAsync(address);

    public Task PowerOnAsync(string address, TimeSpan? cassandraStartDelay = null) => _daemon.PowerOnAsync(address, cassandraStartDelay);

    /// <summary>Takes the host away now; it comes back after <paramref name="downFor"/> (default: the options' reboot delay).</summary>
    public Task RebootAsync(string address, TimeSpan? downFor = null) => _daemon.RebootAsync(address, downFor);

    /// <summary>Runs <paramref name="command"/> on a host with the real /usr/bin/ssh -F ssh_config -o BatchMode=yes.</summary>
    public async Task<SshResult> SshAsync(string host, string command, TimeSpan? timeout = null)
    {
        var (exit, stdout, stderr) = await ProcessRunner.RunAsync(
            "/usr/bin/ssh",
            ["-F", SshConfigPath, "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", host, command],
            timeout ?? TimeSpan.FromSeconds(30),
            CancellationToken.None);
        return new SshResult(exit, stdout, stderr);
    }

    /// <summary>
    /// Pids of live server-side processes whose command line mentions <paramref name="directory"/> (launchers, sshds,
    /// session commands marked with it); ssh clients (/usr/bin/ssh …) are left out.
    /// </summary>
    public static IReadOnlyList<int> ProcessesMentioning(string directory)
    {
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var proc in System.IO.Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid) || pid == self)
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(directory, StringComparison.Ordinal) && !cmdline.StartsWith("/usr/bin/ssh ", StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        Live.TryRemove(this, out _);
        await _daemon.DisposeAsync();
        Disposed.TryAdd(Directory, 0);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a host log may still be open for a moment.
        }
    }

    private static void InstallExitHandler()
    {
        if (Interlocked.Exchange(ref _exitHandlerInstalled, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var cluster in Live.Keys)
                {
                    cluster._daemon.KillHosts();
                }
            };
        }
    }
}
