using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>
/// The flags every job verb shares (cstar's common, destination, strategy, SSH and JMX groups, plus ours).
/// Names and meanings follow cstar 0.9; the bugs do not (seeds accumulate, --dc-filter works with --host).
/// </summary>
internal class JobOptions
{
    // ---- common (cstar)
    [Option("stop-after", HelpText = "Stop after N hosts have been started in this job (a canary); resume with cstar continue.")]
    public int? StopAfter { get; set; }

    [Option('v', "verbose", FlagCounter = true, HelpText = "-v shows each host's output as it finishes; -vv shows debug logging.")]
    public int Verbose { get; set; }

    [Option("output-directory", HelpText = "Where the job store and job folders live (default ~/.cstar).")]
    public string? OutputDirectory { get; set; }

    [Option("ignore-down-nodes", HelpText = "Skip hosts that are down instead of refusing to start. Never skips the wait for a host to come back.")]
    public bool IgnoreDownNodes { get; set; }

    [Option("enforced-job-id", HelpText = "Use this UUID as the job id.")]
    public string? EnforcedJobId { get; set; }

    // ---- destination (cstar)
    [Option("seed-host", Separator = ',', HelpText = "Seed hosts to discover the ring from: space- or comma-separated, repeatable.")]
    public IEnumerable<string> SeedHosts { get; set; } = [];

    [Option("host", Separator = ',', HelpText = "Run only on these hosts (names or addresses).")]
    public IEnumerable<string> Hosts { get; set; } = [];

    [Option("host-file", HelpText = "A file with one host per line; blank lines and # comments are skipped.")]
    public string? HostFile { get; set; }

    [Option("use-sudo", HelpText = "Run cstar's own nodetool calls with sudo.")]
    public bool UseSudo { get; set; }

    [Option("sudo-args", HelpText = "Extra arguments for sudo, e.g. '-u cassandra'.")]
    public string? SudoArgs { get; set; }

    [Option("ssh-pause-time", HelpText = "Accepted for compatibility; cstar no longer sleeps after starting a host.")]
    public double? SshPauseTime { get; set; }

    [Option("node-done-pause-time", HelpText = "Seconds to pause after each host succeeds (default 0).")]
    public double? NodeDonePauseTime { get; set; }

    [Option("ssh-lib", HelpText = "SSH implementation: sshnet (default; 'paramiko' is accepted as an alias) or openssh.")]
    public string? SshLib { get; set; }

    [Option("hosts-variables", HelpText = "JSON file {\"host address\": {\"var\": \"value\"}}; {{var}} in argument values (cstarpar: in the command) becomes each host's value. Checked before anything runs; stored with the job for continue.")]
    public string? HostsVariables { get; set; }

    // ---- strategy (cstar)
    [Option('j', "max-concurrency", HelpText = "At most N hosts running at once, overall.")]
    public int? MaxConcurrency { get; set; }

    [Option("timeout", HelpText = "Per-host limit (e.g. 30m): the host fails as 'timed out' and its processes are killed; a kill that could not be confirmed fails it as lost (its command may still run).")]
    public string? Timeout { get; set; }

    [Option("strategy", HelpText = "one, topology, all or rack.")]
    public string? Strategy { get; set; }

    [Option("cluster-parallel", HelpText = "Run clusters in parallel.")]
    public bool ClusterParallel { get; set; }

    [Option("cluster-serial", HelpText = "Run one cluster after the other.")]
    public bool ClusterSerial { get; set; }

    [Option("dc-parallel", HelpText = "Run DCs in parallel.")]
    public bool DcParallel { get; set; }

    [Option("dc-serial", HelpText = "Finish a DC before starting the next.")]
    public bool DcSerial { get; set; }

    [Option("dc-filter", HelpText = "Only hosts of this DC.")]
    public string? DcFilter { get; set; }

    [Option("keyspace", Separator = ',', HelpText = "Apply the consistency rules to these keyspaces only (repeatable; default: every replicated user keyspace and system_auth).")]
    public IEnumerable<string> Keyspaces { get; set; } = [];

    [Option("key-space", Hidden = true, Separator = ',', HelpText = "Alias of --keyspace.")]
    public IEnumerable<string> KeySpaces { get; set; } = [];

    [Option('r', "resolve-hostnames", HelpText = "Show host names (reverse DNS, 2 s at most) instead of addresses, and link name-named output folders to the address ones; SSH and the job store keep addresses.")]
    public bool ResolveHostnames { get; set; }

    [Option("one", HelpText = "Shortcut: strategy one, DCs serial.")]
    public bool One { get; set; }

    [Option("one-per-dc", HelpText = "Shortcut: strategy one, DCs parallel.")]
    public bool OnePerDc { get; set; }

    [Option("topology", HelpText = "Shortcut: strategy topology, DCs serial.")]
    public bool Topology { get; set; }

    [Option("topology-per-dc", HelpText = "Shortcut: strategy topology, DCs parallel.")]
    public bool TopologyPerDc { get; set; }

    [Option("all", HelpText = "Shortcut: strategy all, DCs parallel.")]
    public bool All { get; set; }

    // ---- ssh (cstar) + ours
    [Option("ssh-username", HelpText = "SSH user.")]
    public string? SshUsername { get; set; }

    [Option("ssh-password", Hidden = true, HelpText = "Refused: use the prompt or CSTAR_SSH_PASSWORD.")]
    public string? SshPassword { get; set; }

    [Option("ssh-identity-file", HelpText = "Private key file (ed25519, ecdsa or rsa; OpenSSH or PEM).")]
    public string? SshIdentityFile { get; set; }

    [Option("ssh-port", HelpText = "SSH port (default 22 or ssh_config).")]
    public int? SshPort { get; set; }

    [Option("ssh-known-hosts", HelpText = "known_hosts file for every host (default: the ssh_config's UserKnownHostsFile, else ~/.ssh/known_hosts).")]
    public string? SshKnownHosts { get; set; }

    [Option("ssh-config", HelpText = "ssh_config file (default ~/.ssh/config).")]
    public string? SshConfig { get; set; }

    [Option("jump-host", HelpText = "Bastion: [user@]host[:port].")]
    public string? JumpHost { get; set; }

    [Option("accept-new-host-keys", HelpText = "Accept and record keys of hosts not yet in known_hosts (a changed key is still refused).")]
    public bool AcceptNewHostKeys { get; set; }

    [Option("ssh-alive-timeout", HelpText = "Declare a silent SSH connection dead after this long (default 15s).")]
    public string? SshAliveTimeout { get; set; }

    [Option("reconnect-window", HelpText = "Once a host's connection is declared dead, keep reconnecting this long before the host fails as lost (default 10m).")]
    public string? ReconnectWindow { get; set; }

    // ---- jmx (cstar)
    [Option("jmx-username", HelpText = "JMX user for nodetool; the password is asked or read from CSTAR_JMX_PASSWORD.")]
    public string? JmxUsername { get; set; }

    [Option("jmx-passwordfile", HelpText = "JMX password file on the nodes (nodetool -pwf).")]
    public string? JmxPasswordFile { get; set; }

    [Option("jmx-addlargs", HelpText = "Extra nodetool arguments, space-separated.")]
    public string? JmxAdditionalArgs { get; set; }

    // ---- safety and scheduling (new)
    [Option("rack-filter", HelpText = "Only hosts of this rack.")]
    public string? RackFilter { get; set; }

    [Option("dc-order", Separator = ',', HelpText = "The order of DCs under --dc-serial, e.g. dc2,dc1.")]
    public IEnumerable<string> DcOrder { get; set; } = [];

    [Option("max-concurrency-per-dc", HelpText = "At most N hosts running at once in each DC.")]
    public int? MaxConcurrencyPerDc { get; set; }

    [Option("keep-consistency", HelpText = "LOCAL_QUORUM (default), QUORUM, EACH_QUORUM, LOCAL_ONE or ONE.")]
    public string? KeepConsistency { get; set; }

    [Option("ignore-keyspace", Separator = ',', HelpText = "Leave these keyspaces out of the consistency rules.")]
    public IEnumerable<string> IgnoreKeyspaces { get; set; } = [];

    [Option("allow-unavailable", Separator = ',', HelpText = "Accept that these (RF 1) keyspaces become unavailable while their node runs.")]
    public IEnumerable<string> AllowUnavailable { get; set; } = [];

    [Option("include-system-keyspaces", HelpText = "Also keep the consistency level of system_traces and system_distributed (left out by default: clients never need them).")]
    public bool IncludeSystemKeyspaces { get; set; }

    [Option("strict-consistency", HelpText = "Refuse to run the nodes of a keyspace whose level cannot be kept (RF 1; RF 2 under a quorum) instead of warning and running them one replica at a time.")]
    public bool StrictConsistency { get; set; }

    [Option("yes-all-at-once", HelpText = "With --strategy all / --all, accept that a command that takes its node down (header 'takes-node-down: true') runs on every host at once.")]
    public bool YesAllAtOnce { get; set; }

    [Option("allow-schema-disagreement", HelpText = "Start even when schema versions disagree in a way a rolling upgrade does not explain.")]
    public bool AllowSchemaDisagreement { get; set; }

    [Option("wait-for-cql", HelpText = "A finished host is back only when its CQL port answers.")]
    public bool WaitForCql { get; set; }

    [Option("cql-port", HelpText = "The nodes' native (CQL) port for --wait-for-cql (default 9042).")]
    public int? CqlPort { get; set; }

    [Option("wait-timeout", HelpText = "How long to wait for a host to come back (default 30m).")]
    public string? WaitTimeout { get; set; }

    [Option("max-pending-compactions", HelpText = "Back-pressure: a host starts only when it and its replicas report fewer than N pending compactions (nodetool compactionstats), and a finished host counts back only below N; each wait is bounded by --wait-timeout. Overrides the command's '# C* wait-for: compactions<N'.")]
    public int? MaxPendingCompactions { get; set; }

    [Option("no-streaming", HelpText = "Back-pressure: a host starts only when nodetool netstats shows no streams on it and its replicas; bounded by --wait-timeout.")]
    public bool NoStreaming { get; set; }

    [Option("max-failures", HelpText = "Keep going until more than N hosts failed (default 0: halt on the first).")]
    public int? MaxFailures { get; set; }

    [Option("dry-run", HelpText = "Print the plan (waves, limits, blocked hosts, estimate) without touching any host beyond discovery.")]
    public bool DryRun { get; set; }

    [Option("estimate-per-host", HelpText = "Duration per host for the --dry-run estimate, e.g. 3m.")]
    public string? EstimatePerHost { get; set; }

    [Option("output", HelpText = "text (default) or json.")]
    public string? Output { get; set; }

    [Option("events", HelpText = "Write one JSON event per line to FILE ('-' for stdout).")]
    public string? Events { get; set; }

    [Option("reason", HelpText = "Why this job runs; shown by cstar jobs.")]
    public string? Reason { get; set; }

    [Option("detach", HelpText = "Run the job in the background (its own session, no terminal; it survives logout) and print its id; watch it with cstar attach.")]
    public bool Detach { get; set; }

    [Option("confirm", HelpText = "Ask before each host: yes / no / all / quit.")]
    public bool Confirm { get; set; }

    [Option("ip-label", HelpText = "Prefix every printed output line with its host.")]
    public bool IpLabel { get; set; }

    [Option("force", HelpText = "Start even if another job runs against the same cluster.")]
    public bool Force { get; set; }

    // ---- settings (cstar.json)
    [Option("cluster", HelpText = "Use the settings of this cluster alias from cstar.json (its seeds, SSH user, ...); see cstar config show.")]
    public string? Cluster { get; set; }

    /// <summary>--keyspace and its alias, each name once, in the order given.</summary>
    public IReadOnlyList<string> SelectedKeyspaces() => [.. Keyspaces.Concat(KeySpaces).Distinct(StringComparer.Ordinal)];

    /// <summary>The keyspace discovery reads alone (one --keyspace, as before); several are filtered after discovery.</summary>
    public string? DiscoveryKeyspace() => SelectedKeyspaces() is [var only] ? only : null;
}
