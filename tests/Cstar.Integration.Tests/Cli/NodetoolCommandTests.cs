using System.Text.RegularExpressions;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>The bundled `upgradesstables` and `nodetool` commands run by the published cstar on a 3-host loopback cluster.</summary>
[Trait("Category", "Loopback")]
public sealed class NodetoolCommandTests(BundledClusterFixture fixture) : IClassFixture<BundledClusterFixture>
{
    private LoopbackCluster Cluster => fixture.Cluster;

    private static string JobId(ProcessOutcome outcome) => Regex.Match(outcome.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;

    private string HostFile(ProcessOutcome outcome, string address, string name) => Path.Combine(fixture.Store, "jobs", JobId(outcome), address, name);

    /// <summary>The nodetool calls of each host since <paramref name="mark"/>, leaving out the ones cstar itself makes (discovery, health).</summary>
    private Dictionary<string, List<string>> NodetoolCallsSince(int mark, string command) =>
        Cluster.Addresses.ToDictionary(
            a => a,
            a => Cluster.History.Events.Skip(mark).Where(e => e.Address == a && e.IsNodetool(command)).Select(e => string.Join('|', e.Args)).ToList());

    [SkippableFact(Timeout = 240_000)]
    public async Task Upgradesstables_runs_nodetool_upgradesstables_with_the_jobs_given_on_every_node()
    {
        var mark = Cluster.History.Events.Count;

        var outcome = await CliOnLoopback.CstarAsync(Cluster, "upgradesstables", "--jobs", "3", "--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        NodetoolCallsSince(mark, "upgradesstables").Values.Should().AllSatisfy(calls => calls.Should().Equal(["upgradesstables|-j|3"]));
        foreach (var node in Cluster.Nodes)
        {
            (await File.ReadAllTextAsync(HostFile(outcome, node.Address, "out"))).Should().Contain($"{node.HostName}: nodetool upgradesstables -j 3");
        }
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Upgradesstables_with_a_jobs_value_that_is_not_a_number_fails_the_first_host_with_a_clear_message_and_halts()
    {
        var mark = Cluster.History.Events.Count;

        var outcome = await CliOnLoopback.CstarAsync(Cluster, "upgradesstables", "--jobs", "x", "--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store, "-v");

        outcome.ExitCode.Should().Be(1, "a host failed and the job halted: " + outcome);
        outcome.StandardOutput.Should().Contain("--jobs must be a whole number, not 'x'").And.Contain("halted");
        NodetoolCallsSince(mark, "upgradesstables").Values.Should().AllSatisfy(calls => calls.Should().BeEmpty());
        var ran = Cluster.Addresses.Where(a => File.Exists(HostFile(outcome, a, "status"))).ToList();
        ran.Should().ContainSingle("strategy one runs one host at a time and the job halts after the failure");
        (await File.ReadAllTextAsync(HostFile(outcome, ran[0], "err"))).Should().Contain("--jobs must be a whole number, not 'x'");
        (await File.ReadAllTextAsync(HostFile(outcome, ran[0], "status"))).Trim().Should().NotBe("0");
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Nodetool_passes_its_arguments_as_separate_words_and_keeps_each_hosts_output_in_the_job_folder()
    {
        var mark = Cluster.History.Events.Count;

        var outcome = await CliOnLoopback.CstarAsync(Cluster, "nodetool", "--args", "tablestats app", "--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        NodetoolCallsSince(mark, "tablestats").Values.Should().AllSatisfy(
            calls => calls.Where(c => c.Contains("app", StringComparison.Ordinal)).Should().Equal(["tablestats|app"]), "each word is its own argument");
        foreach (var node in Cluster.Nodes)
        {
            (await File.ReadAllTextAsync(HostFile(outcome, node.Address, "status"))).Trim().Should().Be("0");
            var answer = await File.ReadAllTextAsync(HostFile(outcome, node.Address, "out"));
            answer.Should().StartWith("Total number of tables: 1\n").And.Contain("Keyspace : app\n", $"the output of {node.Address} is kept in its job folder, for keyspace app only");
        }
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Nodetool_with_an_unknown_command_fails_the_host_with_nodetools_own_error()
    {
        var outcome = await CliOnLoopback.CstarAsync(Cluster, "nodetool", "--args", "frobnicate now", "--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store);

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.StandardOutput.Should().Contain("FAILED");
        var failed = Cluster.Addresses.Where(a => File.Exists(HostFile(outcome, a, "status"))).ToList();
        failed.Should().ContainSingle("the job halts after the first failure");
        (await File.ReadAllTextAsync(HostFile(outcome, failed[0], "out"))).Should().Contain("nodetool: Found unexpected parameters: [frobnicate, now]");
        (await File.ReadAllTextAsync(HostFile(outcome, failed[0], "status"))).Trim().Should().Be("1");
    }
}
