namespace Cstar.Cli.Arguments;

/// <summary>
/// Section, placeholder and default of each flag, kept beside (not inside) the option classes so the classes
/// stay a plain list of flags. A flag missing here is shown under "Other flags" with VALUE.
/// </summary>
internal static class FlagHelpTable
{
    private static readonly Dictionary<string, FlagHelp> Table = new(StringComparer.Ordinal)
    {
        // Targets
        ["cluster"] = new(FlagGroup.Targets, "NAME"),
        ["seed-host"] = new(FlagGroup.Targets, "HOST"),
        ["host"] = new(FlagGroup.Targets, "HOST"),
        ["host-file"] = new(FlagGroup.Targets, "FILE"),
        ["dc-filter"] = new(FlagGroup.Targets, "DC"),
        ["rack-filter"] = new(FlagGroup.Targets, "RACK"),
        ["keyspace"] = new(FlagGroup.Targets, "KEYSPACE"),
        ["key-space"] = new(FlagGroup.Targets, "KEYSPACE"),
        ["hosts-variables"] = new(FlagGroup.Targets, "FILE"),

        // Strategy and concurrency
        ["strategy"] = new(FlagGroup.StrategyAndConcurrency, "one|topology|all|rack", "the command's header, else topology"),
        ["one"] = new(FlagGroup.StrategyAndConcurrency),
        ["one-per-dc"] = new(FlagGroup.StrategyAndConcurrency),
        ["topology"] = new(FlagGroup.StrategyAndConcurrency),
        ["topology-per-dc"] = new(FlagGroup.StrategyAndConcurrency),
        ["all"] = new(FlagGroup.StrategyAndConcurrency),
        ["cluster-parallel"] = new(FlagGroup.StrategyAndConcurrency),
        ["cluster-serial"] = new(FlagGroup.StrategyAndConcurrency),
        ["dc-parallel"] = new(FlagGroup.StrategyAndConcurrency),
        ["dc-serial"] = new(FlagGroup.StrategyAndConcurrency),
        ["dc-order"] = new(FlagGroup.StrategyAndConcurrency, "DC"),
        ["max-concurrency"] = new(FlagGroup.StrategyAndConcurrency, "N", "no limit beyond the strategy"),
        ["max-concurrency-per-dc"] = new(FlagGroup.StrategyAndConcurrency, "N", "no limit"),
        ["stop-after"] = new(FlagGroup.StrategyAndConcurrency, "N"),
        ["timeout"] = new(FlagGroup.StrategyAndConcurrency, "DURATION", "none, or the command's header"),
        ["node-done-pause-time"] = new(FlagGroup.StrategyAndConcurrency, "SECONDS", "0"),
        ["ssh-pause-time"] = new(FlagGroup.StrategyAndConcurrency, "SECONDS"),

        // Safety
        ["keep-consistency"] = new(FlagGroup.Safety, "LEVEL", "LOCAL_QUORUM"),
        ["ignore-keyspace"] = new(FlagGroup.Safety, "KEYSPACE"),
        ["allow-unavailable"] = new(FlagGroup.Safety, "KEYSPACE"),
        ["allow-schema-disagreement"] = new(FlagGroup.Safety),
        ["ignore-down-nodes"] = new(FlagGroup.Safety),
        ["wait-for-cql"] = new(FlagGroup.Safety),
        ["cql-port"] = new(FlagGroup.Safety, "PORT", "9042"),
        ["wait-timeout"] = new(FlagGroup.Safety, "DURATION", "30m"),
        ["max-failures"] = new(FlagGroup.Safety, "N", "0"),
        ["max-pending-compactions"] = new(FlagGroup.Safety, "N", "none, or the command's '# C* wait-for: compactions<N'"),
        ["no-streaming"] = new(FlagGroup.Safety),
        ["dry-run"] = new(FlagGroup.Safety),
        ["estimate-per-host"] = new(FlagGroup.Safety, "DURATION"),
        ["confirm"] = new(FlagGroup.Safety),
        ["include-system-keyspaces"] = new(FlagGroup.Safety),
        ["strict-consistency"] = new(FlagGroup.Safety),
        ["yes-all-at-once"] = new(FlagGroup.Safety),
        ["force"] = new(FlagGroup.Safety),

        // SSH (and nodetool over it)
        ["ssh-username"] = new(FlagGroup.Ssh, "USER", "ssh_config's User, else your login"),
        ["ssh-identity-file"] = new(FlagGroup.Ssh, "FILE", "ssh_config's IdentityFile, else ~/.ssh/id_*"),
        ["ssh-port"] = new(FlagGroup.Ssh, "PORT", "22 or ssh_config's Port"),
        ["ssh-known-hosts"] = new(FlagGroup.Ssh, "FILE", "~/.ssh/known_hosts"),
        ["ssh-config"] = new(FlagGroup.Ssh, "FILE", "~/.ssh/config"),
        ["jump-host"] = new(FlagGroup.Ssh, "[USER@]HOST[:PORT]"),
        ["accept-new-host-keys"] = new(FlagGroup.Ssh),
        ["ssh-alive-timeout"] = new(FlagGroup.Ssh, "DURATION", "15s"),
        ["reconnect-window"] = new(FlagGroup.Ssh, "DURATION"),
        ["ssh-lib"] = new(FlagGroup.Ssh, "sshnet|openssh", "sshnet"),
        ["ssh-password"] = new(FlagGroup.Ssh, "PASSWORD"),
        ["use-sudo"] = new(FlagGroup.Ssh),
        ["sudo-args"] = new(FlagGroup.Ssh, "ARGS"),
        ["jmx-username"] = new(FlagGroup.Ssh, "USER"),
        ["jmx-passwordfile"] = new(FlagGroup.Ssh, "FILE"),
        ["jmx-addlargs"] = new(FlagGroup.Ssh, "ARGS"),

        // Output and jobs
        ["verbose"] = new(FlagGroup.OutputAndJobs),
        ["output"] = new(FlagGroup.OutputAndJobs, "text|json", "text"),
        ["events"] = new(FlagGroup.OutputAndJobs, "FILE|-"),
        ["ip-label"] = new(FlagGroup.OutputAndJobs),
        ["resolve-hostnames"] = new(FlagGroup.OutputAndJobs),
        ["output-directory"] = new(FlagGroup.OutputAndJobs, "DIR", "~/.cstar"),
        ["reason"] = new(FlagGroup.OutputAndJobs, "TEXT"),
        ["enforced-job-id"] = new(FlagGroup.OutputAndJobs, "UUID", "a new random id"),
        ["retry-failed"] = new(FlagGroup.OutputAndJobs),
        ["reload-command"] = new(FlagGroup.OutputAndJobs),
        ["max-job-age"] = new(FlagGroup.OutputAndJobs, "DAYS"),
        ["follow"] = new(FlagGroup.OutputAndJobs),
        ["html"] = new(FlagGroup.OutputAndJobs, "FILE|-"),
        ["detach"] = new(FlagGroup.OutputAndJobs),
    };

    /// <summary>Where a flag comes in its section: the order of this table, unknown flags last.</summary>
    public static int Rank(FlagSpec flag) => Order.IndexOf(flag.Name) is var i and >= 0 ? i : int.MaxValue;

    private static readonly List<string> Order = [.. Table.Keys];

    public static FlagHelp For(FlagSpec flag) => Table.GetValueOrDefault(flag.Name) ?? new FlagHelp(FlagGroup.Other);

    public static string Placeholder(FlagSpec flag) =>
        Table.GetValueOrDefault(flag.Name)?.Placeholder ?? (flag.Property.PropertyType == typeof(int) || flag.Property.PropertyType == typeof(int?) ? "N" : "VALUE");

    /// <summary>The flags `cstar ring` uses: where to discover from and how to reach nodetool.</summary>
    public static bool IsRingFlag(FlagSpec flag) =>
        flag.Name is "cluster" or "seed-host" or "host" or "keyspace" or "key-space" or "verbose" or "output" || For(flag).Group == FlagGroup.Ssh;
}
