using System.Globalization;
using Cstar.Core.Errors;
using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Ring;
using Cstar.Simulator.Spec;

namespace Cstar.Simulator.Host.Cli;

/// <summary>Parses `--name value` options and positional words of the small cstar-sim command line.</summary>
internal sealed class CliArguments
{
    public const string DefaultDirectory = "/tmp/cstar-sim";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "--dir", "--dcs", "--racks", "--version", "--network", "--ssh-port", "--cql-port", "--reboot-delay", "--start-delay", "--ring-factory", "--delay",
        "--profile", "--nodetool-latency",
    };

    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!Known.Contains(args[i]) || i + 1 >= args.Count)
                {
                    throw new CstarException($"unknown option or missing value: {args[i]}", "Run `cstar-sim help`.");
                }

                _options[args[i]] = args[++i];
            }
            else
            {
                Positional.Add(args[i]);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public string Directory => Path.GetFullPath(Get("--dir") ?? Environment.GetEnvironmentVariable("CSTAR_SIM_DIR") ?? DefaultDirectory);

    /// <summary>--dir wins; inside a host session CSTAR_SIM_SOCKET names the daemon; else the default directory.</summary>
    public string ControlSocket => Get("--dir") is null && Environment.GetEnvironmentVariable("CSTAR_SIM_SOCKET") is { Length: > 0 } socket
        ? socket
        : new ClusterPaths(Directory).ControlSocket;

    public double? Seconds(string name) => Get(name) is { } value ? Number(name, value) : null;

    public SimulatedRingFactory RingFactory => Get("--ring-factory") is { } reference ? RingFactories.FromTypeReference(reference) : RingFactories.Default;

    public ClusterOptions ClusterOptions(int hostCount)
    {
        var defaults = new ClusterOptions { Directory = Directory };
        return defaults with
        {
            HostCount = hostCount,
            Datacenters = Int("--dcs") ?? defaults.Datacenters,
            Racks = Int("--racks") ?? defaults.Racks,
            CassandraVersion = Get("--version") ?? defaults.CassandraVersion,
            Network = Int("--network") ?? defaults.Network,
            SshPort = Int("--ssh-port") ?? defaults.SshPort,
            CqlPort = Int("--cql-port") ?? defaults.CqlPort,
            RebootDelay = Seconds("--reboot-delay") is { } reboot ? TimeSpan.FromSeconds(reboot) : defaults.RebootDelay,
            CassandraStartDelay = Seconds("--start-delay") is { } start ? TimeSpan.FromSeconds(start) : defaults.CassandraStartDelay,
            Profile = Get("--profile") is { } profile ? Profile(profile) : defaults.Profile,
            NodetoolLatency = Seconds("--nodetool-latency") is { } latency ? TimeSpan.FromSeconds(latency) : defaults.NodetoolLatency,
        };
    }

    public string? Get(string name) => _options.TryGetValue(name, out var value) ? value : null;

    private static SystemKeyspaceProfile Profile(string value) =>
        SystemKeyspaceDefaults.TryParseProfile(value, out var profile)
            ? profile
            : throw new CstarException($"--profile wants stock or hardened, not '{value}'", "Write --profile stock (system keyspaces as Cassandra ships them) or --profile hardened (NetworkTopologyStrategy in every DC).");

    private int? Int(string name) => Get(name) is { } value ? (int)Number(name, value) : null;

    private static double Number(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new CstarException($"{name} wants a non-negative number, not '{value}'", "Write e.g. " + name + " 3.");
}
