namespace Cstar.Simulator.Host.Cli;

/// <summary>The help text of cstar-sim.</summary>
internal static class Usage
{
    public const string Text = """
        cstar-sim: a loopback Cassandra test cluster (one real sshd per simulated host, on 127.N.x.y)

          cstar-sim up <hosts> [--dcs 1] [--racks 1] [--version 4.0] [--dir /tmp/cstar-sim]
                               [--network 10] [--ssh-port 22] [--cql-port 9042]
                               [--reboot-delay 5] [--start-delay 2] [--ring-factory <dll>:<Type>]
                               [--profile stock|hardened] [--nodetool-latency 0]
          cstar-sim status [--dir D]
          cstar-sim ctl <stop|start|restart|drain|poweroff|poweron|reboot|split-schema> <address|hostname> [--delay S] [--dir D]
          cstar-sim down [--dir D]
          cstar-sim nodetool <args>     (what the `nodetool` shim runs inside a host session)

        --version: 2.1, 2.2, 3.0, 3.11, 4.0, 4.1, 5.0 (nodetool formats of each), or a full version such as 4.1.3;
          2.1 -> 2.1.22, 2.2 -> 2.2.19, 3.0 -> 3.0.29, 3.11 -> 3.11.10, 4.0 -> 4.0-alpha4, 4.1 -> 4.1.5, 5.0 -> 5.0.2
          (status shows a pre-release as describecluster and cstar ring do: 4.0.0-alpha4; nodetool version says 4.0-alpha4).
        Host i lives at 127.N.(1 + i/250).(1 + i%250) (N = --network, default 10); 127.0.0.1 is never used.
        --profile stock (default): system_auth, system_distributed and system_traces as the version ships them
        (SimpleStrategy RF 1, 3, 2); hardened: NetworkTopologyStrategy in every DC (3, 3, 2).
        --nodetool-latency S: every nodetool call waits S seconds before it answers, as a real JVM does.
        ctl split-schema: the node keeps a schema version of its own (describecluster shows the split) until it restarts.
        Then: ssh -F <dir>/ssh_config node001 nodetool status
        """;
}
