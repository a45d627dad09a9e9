using Cstar.Simulator.Tests.Support;
using Cstar.TestKit;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

public sealed class NodetoolCommandTests
{
    public static TheoryData<string, string, string, string[]> InfoCaptures()
    {
        var data = new TheoryData<string, string, string, string[]>();
        foreach (var version in Fixtures.RealVersions)
        {
            data.Add(version, "info-node1.txt", "127.0.0.1", ["info"]);
            data.Add(version, "info-node3.txt", "127.0.0.3", ["info"]);
            data.Add(version, "info-tokens-node2.txt", "127.0.0.2", ["info", "-T"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InfoCaptures))]
    public void Info_has_the_lines_and_fields_of_the_real_capture(string version, string file, string address, string[] args)
    {
        var expected = Fixtures.RealNodetool(version, file);
        var ring = new SimulatedRing(CapturedCluster.Builder(version, file.Contains("node1") ? "status.txt" : "status-from-node3.txt").Build(), new ManualClock());

        var actual = ring.RunNodetool(address, ["-h", "127.0.0.1", "-p", "7199", .. args]).StandardOutput;

        Keys(actual).Should().Equal(Keys(expected));
        foreach (var key in new[] { "ID", "Gossip active", "Native Transport active", "Data Center", "Rack", "Token", "Thrift active", "Percent Repaired", "Off Heap Memory (MB)" })
        {
            Values(actual, key).Should().Equal(Values(expected, key), "field {0} must match", key);
        }

        if (!file.Contains("node1"))
        {
            Values(actual, "Load").Should().Equal(Values(expected, "Load"));
        }
    }

    [Theory]
    [InlineData("3.11.10")]
    [InlineData("4.0-alpha4")]
    public void Version_statusbinary_and_statusgossip_match_the_captures(string version)
    {
        var ring = new SimulatedRing(CapturedCluster.Builder(version, "status.txt").Build(), new ManualClock());

        foreach (var command in new[] { "version", "statusbinary", "statusgossip" })
        {
            var response = ring.RunNodetool("127.0.0.1", ["-h", "127.0.0.1", "-p", "7199", command]);
            response.StandardOutput.Should().Be(Fixtures.RealNodetool(version, command + ".txt"));
            response.ExitCode.Should().Be(0);
        }
    }

    [Theory]
    [InlineData("3.11.10")]
    [InlineData("4.0-alpha4")]
    public void A_stopped_node_fails_to_connect_exactly_like_the_capture(string version)
    {
        var ring = new SimulatedRing(CapturedCluster.Builder(version, "status.txt").Build(), new ManualClock());
        ring.StopCassandra("127.0.0.3");

        var response = ring.RunNodetool("127.0.0.3", ["-h", "127.0.0.1", "-p", "7399", "info"]);

        response.StandardOutput.Should().Be(Fixtures.RealNodetool(version, "info-node3-down.txt"));
        response.StandardError.Should().Be(Fixtures.RealNodetool(version, "info-node3-down.stderr"));
        response.ExitCode.Should().Be(1);
        Fixtures.RealNodetool(version, "_exit-codes.txt").Should().Contain("info-node3-down: nodetool -h 127.0.0.1 -p 7399 info -> rc=1");
    }

    [Fact]
    public void Without_h_and_p_the_connection_error_names_the_default_jmx_endpoint()
    {
        var ring = CapturedRing();
        ring.StopCassandra("127.0.0.2");

        ring.RunNodetool("127.0.0.2", ["status"]).StandardError
            .Should().Be("nodetool: Failed to connect to '127.0.0.1:7199' - ConnectException: 'Connection refused (Connection refused)'.\n");
    }

    [Fact]
    public void Credentials_options_before_the_command_are_accepted_and_ignored()
    {
        var ring = CapturedRing();
        var plain = ring.RunNodetool("127.0.0.1", ["status"]);

        var withOptions = ring.RunNodetool("127.0.0.1", ["-h", "127.0.0.1", "-p", "7199", "-u", "cassandra", "-pw", "secret", "-pwf", "/tmp/pw", "status"]);

        withOptions.Should().Be(plain);
        plain.ExitCode.Should().Be(0);
    }

    [Fact]
    public void An_unknown_command_is_a_parse_error_with_exit_code_1_even_on_a_stopped_node()
    {
        var ring = CapturedRing();
        ring.StopCassandra("127.0.0.1");

        var response = ring.RunNodetool("127.0.0.1", ["frobnicate", "now"]);

        response.StandardOutput.Should().Be("nodetool: Found unexpected parameters: [frobnicate, now]\nSee 'nodetool help' or 'nodetool help <command>'.\n");
        response.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Describering_of_a_local_keyspace_fails_with_exit_code_2()
    {
        var response = CapturedRing().RunNodetool("127.0.0.1", ["describering", "system"]);

        response.ExitCode.Should().Be(2);
        response.StandardOutput.Should().Be("Schema Version:db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c\nTokenRange: \n");
        response.StandardError.Should().StartWith("error: java.io.IOException: There is no ring for the keyspace: system\n-- StackTrace --\n");
    }

    [Fact]
    public void Status_of_a_local_keyspace_prints_question_marks_and_the_note()
    {
        var output = CapturedRing().RunNodetool("127.0.0.1", ["status", "system"]).StandardOutput;

        output.Should().Contain("--  Address    Load       Tokens       Owns    Host ID");
        output.Should().EndWith("\nNote: Ownership values for keyspaces with LocalStrategy are meaningless\n");
    }

    [Fact]
    public void Tablestats_lists_the_keyspaces_asked_for()
    {
        var output = CapturedRing().RunNodetool("127.0.0.1", ["tablestats", "acc_nts"]).StandardOutput;

        output.Should().Contain("Keyspace : acc_nts\n").And.NotContain("Keyspace : system_auth");
    }

    [Fact]
    public void Upgradesstables_accepts_a_job_count_and_queues_compactions()
    {
        var ring = CapturedRing();

        ring.RunNodetool("127.0.0.1", ["upgradesstables", "-j", "2"]).ExitCode.Should().Be(0);
        ring.RunNodetool("127.0.0.1", ["compactionstats"]).StandardOutput.Should().StartWith("pending tasks: 2\n");
        ring.RunNodetool("127.0.0.1", ["upgradesstables", "-j", "x"]).ExitCode.Should().Be(1);
    }

    [Fact]
    public void Snapshot_prints_what_nodetool_prints_and_flushes_first_unless_told_not_to()
    {
        var ring = CapturedRing();

        var tagged = ring.RunNodetool("127.0.0.1", ["snapshot", "-t", "before-upgrade", "acc_nts"]);
        var all = ring.RunNodetool("127.0.0.1", ["snapshot", "--skip-flush"]);

        tagged.ExitCode.Should().Be(0);
        tagged.StandardOutput.Should().StartWith("Requested creating snapshot(s) for [acc_nts] with snapshot name [before-upgrade]")
            .And.EndWith("\nSnapshot directory: before-upgrade\n");
        all.StandardOutput.Should().StartWith("Requested creating snapshot(s) for [all keyspaces] with snapshot name [");
        ring.RunNodetool("127.0.0.1", ["compactionstats"]).StandardOutput.Should().StartWith("pending tasks: 1\n", "only the snapshot without --skip-flush flushed");
    }

    [Fact]
    public void Stopdaemon_stops_the_node()
    {
        var ring = CapturedRing();

        ring.RunNodetool("127.0.0.2", ["stopdaemon"]).StandardOutput.Should().Be("Cassandra has shutdown.\n");

        ring.RunNodetool("127.0.0.2", ["status"]).ExitCode.Should().Be(1);
        ring.IsNativeTransportUp("127.0.0.2").Should().BeFalse();
    }

    [Theory]
    [InlineData("3.11.10", 0)]
    [InlineData("4.0-alpha4", 1)]
    public void Ring_of_an_unknown_keyspace_prints_the_error_and_exits_as_that_version_does(string version, int exitCode)
    {
        var response = CapturedRing(version).RunNodetool("127.0.0.1", ["ring", "nosuchks"]);

        response.StandardOutput.Should().Be(Fixtures.RealNodetool(version, "status-nonexistent-keyspace.txt"));
        response.ExitCode.Should().Be(exitCode);
    }

    private static SimulatedRing CapturedRing(string version = "3.11.10") =>
        new(CapturedCluster.Builder(version, "status.txt").Build(), new ManualClock());

    private static List<string> Keys(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(':')].TrimEnd())];

    private static List<string> Values(string output, string key) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l[..l.IndexOf(':')].TrimEnd() == key).Select(l => l[(l.IndexOf(':') + 2)..])];
}
