using Cstar.Core.Topology;
using Cstar.TestKit;
using Cstar.TestKit.Simulation;

namespace Cstar.Simulator.Tests.Support;

/// <summary>
/// How to reproduce one capture: which node asks, with which arguments, after which change (node 3
/// stopped, a node joining, only two nodes). <see cref="Run"/> rebuilds the ring from the capture's values.
/// </summary>
internal sealed record CaptureScenario(
    string File,
    string Viewer,
    string[] Args,
    int ExitCode = 0,
    string? Stopped = null,
    string? Joining = null,
    int NodeCount = 3,
    bool CaptureLacksFinalEmptyLine = false)
{
    public static readonly CaptureScenario[] All =
    [
        new("status.txt", "127.0.0.1", ["status"]),
        new("status-keyspace-acc_nts.txt", "127.0.0.1", ["status", "acc_nts"]),
        new("status-resolve-ip.txt", "127.0.0.1", ["status", "-r"]),
        new("status-from-node3.txt", "127.0.0.3", ["status"]),
        new("status-node3-DN.txt", "127.0.0.1", ["status"], Stopped: "127.0.0.3"),
        new("status-node3-DN-from-node2.txt", "127.0.0.2", ["status"], Stopped: "127.0.0.3"),
        new("status-keyspace-acc_nts-node3-DN.txt", "127.0.0.1", ["status", "acc_nts"], Stopped: "127.0.0.3"),
        new("status-nonexistent-keyspace.txt", "127.0.0.1", ["status", "nosuchks"], ExitCode: 1),
        new("status-UJ-node2-joining.txt", "127.0.0.1", ["status"], Joining: "127.0.0.2", NodeCount: 2, CaptureLacksFinalEmptyLine: true),
        new("status-UJ-node3-joining-dc2.txt", "127.0.0.1", ["status"], Joining: "127.0.0.3", CaptureLacksFinalEmptyLine: true),
        new("ring.txt", "127.0.0.1", ["ring"]),
        new("ring-keyspace-acc_nts.txt", "127.0.0.1", ["ring", "acc_nts"]),
        new("ring-node3-DN.txt", "127.0.0.1", ["ring"], Stopped: "127.0.0.3"),
        new("describering-acc_nts.txt", "127.0.0.1", ["describering", "acc_nts"]),
        new("describering-system_auth.txt", "127.0.0.1", ["describering", "system_auth"]),
        new("describering-acc_nts-node3-DN.txt", "127.0.0.1", ["describering", "acc_nts"], Stopped: "127.0.0.3"),
        new("describecluster.txt", "127.0.0.1", ["describecluster"]),
        new("describecluster-node3-DN.txt", "127.0.0.1", ["describecluster"], Stopped: "127.0.0.3"),
    ];

    public string Expected(string version)
    {
        var text = Fixtures.RealNodetool(version, File);
        return CaptureLacksFinalEmptyLine ? text + "\n" : text;
    }

    public NodetoolResponse Run(string version)
    {
        var clock = new ManualClock();
        var loadsFrom = File.Contains("nonexistent", StringComparison.Ordinal) ? "status.txt" : File;
        var ring = new SimulatedRing(CapturedCluster.Builder(version, loadsFrom, NodeCount).Build(), clock);
        if (Joining is not null)
        {
            ring.SetRingState(Joining, NodeState.Joining);
        }

        if (Stopped is not null)
        {
            ring.StopCassandra(Stopped);
            clock.Advance(TimeSpan.FromSeconds(11));
        }

        var port = Viewer[^1] switch { '1' => "7199", '2' => "7299", _ => "7399" };
        return ring.RunNodetool(Viewer, ["-h", "127.0.0.1", "-p", port, .. Args]);
    }
}
