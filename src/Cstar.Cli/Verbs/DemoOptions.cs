using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar demo`: A safe rolling restart on a built-in simulated ring, no cluster needed. Example: cstar demo --nodes 12 --fail-host 127.0.0.5</summary>
internal sealed class DemoOptions
{
    [Option("nodes", Default = 12, HelpText = "Number of simulated nodes.")]
    public int Nodes { get; set; }

    [Option("dcs", Default = 2, HelpText = "Number of data centers.")]
    public int Datacenters { get; set; }

    [Option("racks", Default = 3, HelpText = "Racks per data center.")]
    public int Racks { get; set; }

    [Option("vnodes", Default = 16, HelpText = "Tokens per node.")]
    public int Vnodes { get; set; }

    [Option("strategy", HelpText = "one, topology (default), all or rack.")]
    public string? Strategy { get; set; }

    [Option("one", HelpText = "Shortcut: strategy one, DCs serial.")]
    public bool One { get; set; }

    [Option("topology", HelpText = "Shortcut: strategy topology, DCs serial.")]
    public bool Topology { get; set; }

    [Option("all", HelpText = "Shortcut: strategy all, DCs parallel.")]
    public bool All { get; set; }

    [Option("dc-parallel", HelpText = "Run DCs in parallel.")]
    public bool DcParallel { get; set; }

    [Option("fail-host", HelpText = "This host's restart fails (the job halts, as it should).")]
    public string? FailHost { get; set; }

    [Option("never-back-host", HelpText = "This host is stopped and never starts again (the gate times out).")]
    public string? NeverBackHost { get; set; }

    [Option("down-host", HelpText = "This node is already down before the job starts (see who gets blocked).")]
    public string? DownHost { get; set; }

    [Option("wait-timeout", Default = 15, HelpText = "Seconds to wait for a restarted node to come back.")]
    public int WaitTimeoutSeconds { get; set; }

    [Option("step-seconds", Default = 0.3, HelpText = "Seconds per restart step (drain, stop, start).")]
    public double StepSeconds { get; set; }

    [Option("start-seconds", Default = 0.8, HelpText = "Seconds Cassandra takes to start.")]
    public double StartSeconds { get; set; }

    [Option("gossip-delay", Default = 1.2, HelpText = "Seconds at most a peer takes to see a restarted node UN (each peer its own delay, from a sixth of it up; 0: at once).")]
    public double GossipDelaySeconds { get; set; }

    [Option("seed", Default = 1, HelpText = "Random seed for tokens and gossip delays.")]
    public int Seed { get; set; }

    [Option("report", HelpText = "Also write the demo job's timeline to this HTML file (as cstar jobs report --html does).")]
    public string? Report { get; set; }

    [Option("dry-run", HelpText = "Only print the plan.")]
    public bool DryRun { get; set; }
}
