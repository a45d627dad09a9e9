namespace Cstar.Simulator.Host.Cluster;

/// <summary>Where everything of one cluster lives inside its directory; nothing is written anywhere else.</summary>
public sealed record ClusterPaths(string Directory)
{
    public string ControlSocket => Path.Combine(Directory, "sim.sock");

    public string DaemonPidFile => Path.Combine(Directory, "daemon.pid");

    public string DaemonLog => Path.Combine(Directory, "daemon.log");

    /// <summary>One file per host holding the pid of its `unshare` process (the host's whole process tree).</summary>
    public string PidDirectory => Path.Combine(Directory, "pids");

    public string KeyDirectory => Path.Combine(Directory, "keys");

    public string ClientKey => Path.Combine(KeyDirectory, "id_ed25519");

    public string AuthorizedKeys => Path.Combine(KeyDirectory, "authorized_keys");

    public string KnownHosts => Path.Combine(Directory, "known_hosts");

    public string SshConfig => Path.Combine(Directory, "ssh_config");

    /// <summary>The script every host shim calls: runs cstar-sim with this cluster's control socket.</summary>
    public string SimulatorScript => Path.Combine(Directory, "bin", "cstar-sim");

    public string HostDirectory(string address) => Path.Combine(Directory, "hosts", address);

    public string HostHome(string address) => Path.Combine(HostDirectory(address), "home");

    public string HostBin(string address) => Path.Combine(HostDirectory(address), "bin");

    public string HostKey(string address) => Path.Combine(HostDirectory(address), "ssh_host_ed25519_key");

    public string HostSshdConfig(string address) => Path.Combine(HostDirectory(address), "sshd_config");

    public string HostLauncher(string address) => Path.Combine(HostDirectory(address), "launch.sh");

    public string HostLog(string address) => Path.Combine(HostDirectory(address), "sshd.log");

    public string HostPidFile(string address) => Path.Combine(PidDirectory, address);
}
