using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Requirements;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>The published cstar's check before the first start judges the schema describecluster reports.</summary>
[Trait("Category", "Loopback")]
public sealed class SchemaAgreementTests
{
    private static Task<LoopbackCluster> StartAsync(string version) => LoopbackCluster.StartAsync(new LoopbackClusterOptions
    {
        Hosts = 6,
        Datacenters = 2,
        Racks = 3,
        CassandraVersion = version,
        RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(100), maxGossipDelay: TimeSpan.FromMilliseconds(500)),
    });

    private static string[] Job(LoopbackCluster cluster) =>
        ["run", "--command", "echo x >> ~/ran", "--seed-host", cluster.Addresses[0], "--all", "--output-directory", Path.Combine(cluster.Directory, "store")];

    private static string Output(ProcessOutcome outcome) => outcome.StandardOutput + outcome.StandardError;

    private static async Task<int> RunsAsync(LoopbackCluster cluster)
    {
        var counts = await Task.WhenAll(cluster.Addresses.Select(a => cluster.SshAsync(a, "cat ~/ran 2>/dev/null | wc -l")));
        return counts.Sum(c => int.Parse(c.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task A_node_with_a_schema_of_its_own_refuses_the_job_before_any_start_and_the_flag_named_in_the_refusal_lets_it_run()
    {
        LoopbackRequirement.SkipUnlessAvailable();
        await using var cluster = await StartAsync("3.11");
        var odd = cluster.Addresses[^1];
        cluster.SplitSchema(odd);

        var refused = await CliOnLoopback.CstarAsync(cluster, Job(cluster));
        var ranWhenRefused = await RunsAsync(cluster);
        var allowed = await CliOnLoopback.CstarAsync(cluster, [.. Job(cluster), "--allow-schema-disagreement"]);

        refused.ExitCode.Should().Be(5, refused.ToString());
        Output(refused).Should().Contain("schema versions disagree").And.Contain($"(1 node): {odd}").And.Contain("(5 nodes): ")
            .And.Contain("No host starts while the schema disagrees").And.Contain("--allow-schema-disagreement");
        ranWhenRefused.Should().Be(0);
        allowed.ExitCode.Should().Be(0, allowed.ToString());
        Output(allowed).Should().Contain("allowed by --allow-schema-disagreement");
        (await RunsAsync(cluster)).Should().Be(6);
    }

    [SkippableTheory(Timeout = 240_000)]
    [InlineData("3.11")]
    [InlineData("4.0")]
    public async Task A_stock_cluster_runs_with_default_flags_its_schema_agreeing(string version)
    {
        LoopbackRequirement.SkipUnlessAvailable();
        await using var cluster = await StartAsync(version);

        var outcome = await CliOnLoopback.CstarAsync(cluster, Job(cluster));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        Output(outcome).Should().Contain("ring: healthy").And.NotContain("schema");
        (await RunsAsync(cluster)).Should().Be(6);
    }
}
