using System.Text;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// The bundled `cqlsh` command run by the published cstar against the hosts' cqlsh stand-in, which records
/// the credentials it read from the cqlshrc file: the password comes from cstar's environment or its prompt,
/// reaches cqlsh, and is never on a command line.
/// </summary>
[Trait("Category", "Loopback")]
public sealed partial class CqlshCommandTests(BundledClusterFixture fixture) : IClassFixture<BundledClusterFixture>
{
    private const string Statement = "SELECT release_version FROM system.local";
    private const string Secret = "Cql-pa55 w0rd'$x-91d";

    private LoopbackCluster Cluster => fixture.Cluster;

    private string[] Job => ["cqlsh", "--statement", Statement, "--cql-username", "cassandra", "--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store];

    private async Task ForgetEarlierRunsAsync()
    {
        foreach (var address in Cluster.Addresses)
        {
            (await Cluster.SshAsync(address, "rm -f ~/cqlsh.log ~/cqlsh.cmdlines")).ExitCode.Should().Be(0);
        }
    }

    /// <summary>Checks what each host's stand-in received and saw, and that the temporary cqlshrc is gone.</summary>
    private async Task EveryHostRanTheStatementWithThePasswordAsync(string password)
    {
        foreach (var node in Cluster.Nodes)
        {
            var log = await Cluster.SshAsync(node.Address, "stat -c %a ~/cqlsh.log; cat ~/cqlsh.log");
            var lines = log.StandardOutput.Split('\n');
            lines[0].Should().Be("600", "the stand-in's log holds a password");
            lines.Should().Contain(["statement: " + Statement, "username: cassandra", "password: " + password], $"{node.Address} ran the statement with the password");
            var rc = lines.Single(l => l.StartsWith("cqlshrc: ", StringComparison.Ordinal))["cqlshrc: ".Length..];
            File.Exists(rc).Should().BeFalse($"cqlsh.sh deletes its cqlshrc ({rc}) with the password once cqlsh ended");
            var cmdlines = await Cluster.SshAsync(node.Address, "cat ~/cqlsh.cmdlines");
            cmdlines.StandardOutput.Should().Contain("cqlsh --cqlshrc " + rc, "the snapshot was taken while cqlsh ran")
                .And.NotContain(password, $"no command line on {node.Address} may carry the password");
        }

        foreach (var file in Directory.EnumerateFiles(fixture.Store, "*", SearchOption.AllDirectories))
        {
            (await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(Encoding.UTF8.GetBytes(password)).Should().Be(-1, $"{file} must not hold the password");
        }
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Cqlsh_runs_the_statement_on_every_node_with_the_password_from_cstars_environment_never_on_a_command_line()
    {
        await ForgetEarlierRunsAsync();
        var watch = CommandLineWatch.Start(Secret);

        var outcome = await CliOnLoopback.CstarAsync(Cluster, new Dictionary<string, string?> { ["CQLSH_PASSWORD"] = Secret }, [.. Job, "--ip-label"]);
        await watch.DisposeAsync();

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        await EveryHostRanTheStatementWithThePasswordAsync(Secret);
        foreach (var node in Cluster.Nodes)
        {
            outcome.StandardOutput.Should().Contain($"{node.Address}:  release_version\n").And.Contain($"{node.Address}: (1 rows)");
            outcome.StandardOutput.Should().MatchRegex($@"{System.Text.RegularExpressions.Regex.Escape(node.Address)}: +{System.Text.RegularExpressions.Regex.Escape(node.CassandraVersion)}\n");
        }

        (outcome.StandardOutput + outcome.StandardError).Should().NotContain(Secret);
        watch.Scans.Should().BeGreaterThan(1);
        watch.Leaks.Should().BeEmpty("no process on this machine or on the hosts may carry the password on its command line");
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Cqlsh_with_a_user_but_no_password_and_no_terminal_fails_with_a_message_naming_CQLSH_PASSWORD_and_never_runs_cqlsh()
    {
        await ForgetEarlierRunsAsync();

        var outcome = await CliOnLoopback.CstarAsync(Cluster, [.. Job, "-v"]);

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.StandardOutput.Should().Contain("no CQL password for user 'cassandra': set CQLSH_PASSWORD in cstar's environment");
        foreach (var address in Cluster.Addresses)
        {
            (await Cluster.SshAsync(address, "test -e ~/cqlsh.log")).ExitCode.Should().NotBe(0, $"cqlsh never ran on {address}");
        }
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task The_cqlsh_stand_in_refuses_a_node_whose_native_transport_is_down_and_a_user_without_a_password()
    {
        var address = Cluster.Addresses[2];
        Cluster.StopCassandra(address);
        var refused = await Cluster.SshAsync(address, "cqlsh -e 'SELECT release_version FROM system.local'");
        Cluster.StartCassandra(address, TimeSpan.Zero);
        var noPassword = await Cluster.SshAsync(address, "cqlsh -u cassandra -e 'SELECT release_version FROM system.local'");
        var answered = await Cluster.SshAsync(address, "cqlsh -u cassandra -p secret -e 'SELECT release_version FROM system.local'");

        refused.ExitCode.Should().Be(1);
        refused.StandardError.Should().Contain("Connection refused");
        noPassword.ExitCode.Should().Be(1);
        noPassword.StandardError.Should().Contain("Bad credentials");
        answered.ExitCode.Should().Be(0, answered.StandardError);
        answered.StandardOutput.Should().Contain(" release_version\n-----------------\n").And.Contain(Cluster.Nodes[2].CassandraVersion).And.Contain("(1 rows)");
        (await Cluster.SshAsync(address, "grep -c '^password: secret$' ~/cqlsh.log")).StandardOutput.Trim().Should().Be("1");
        var healthy = await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(Cluster.Addresses.Select(a => Cluster.SshAsync(a, "nodetool status | grep -c '^UN'")))).All(r => r.StandardOutput.Trim() == "3"),
            TimeSpan.FromSeconds(30));
        healthy.Should().BeTrue("the cluster is left healthy for the next test");
    }
}
