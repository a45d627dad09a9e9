using System.Text.RegularExpressions;
using Cstar.Integration.Tests.Loopback;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>The published cstar: <c>continue</c> gets past a seed that is gone for good.</summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class ContinueRediscoveryTests
{
    private static string JobId(ProcessOutcome outcome) => Regex.Match(outcome.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;

    private static async Task<int> RunsOnAsync(LoopbackCluster cluster, string host) =>
        int.Parse((await cluster.SshAsync(host, "cat ~/ran 2>/dev/null | wc -l")).StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact(Timeout = 240_000)]
    public async Task Continue_rediscovers_from_the_ring_members_the_job_knows_when_its_only_seed_no_longer_answers_and_takes_more_seed_hosts()
    {
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = 4,
            Datacenters = 1,
            Racks = 2,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(50), maxGossipDelay: TimeSpan.FromMilliseconds(200)),
        });
        var (seed, targets) = (cluster.Addresses[0], cluster.Addresses.Skip(1).ToList());
        var store = Path.Combine(cluster.Directory, "store");

        var first = await CliOnLoopback.CstarAsync(
            cluster, ["run", "--command", "echo x >> ~/ran", "--seed-host", seed, .. targets.SelectMany(t => new[] { "--host", t }), "--all", "--stop-after", "1", "--output-directory", store]);
        var jobId = JobId(first);
        // The seed is gone for discovery: its nodetool no longer answers (Cassandra itself stays up, so no safety rule blocks the rest).
        await File.WriteAllTextAsync(Path.Combine(cluster.Directory, "hosts", seed, "bin", "nodetool"), "#!/bin/sh\necho 'nodetool: Failed to connect to 127.0.0.1:7199' >&2\nexit 1\n");
        var fromMembers = await CliOnLoopback.CstarAsync(cluster, "continue", jobId, "--stop-after", "1", "--output-directory", store);
        var withSeedHost = await CliOnLoopback.CstarAsync(cluster, "continue", jobId, "--seed-host", targets[^1], "--output-directory", store);

        first.ExitCode.Should().Be(4, first.ToString());
        fromMembers.ExitCode.Should().Be(4, "the dead seed is skipped and a ring member the job knows answers:\n" + fromMembers);
        fromMembers.StandardError.Should().NotContain("Could not read the ring");
        withSeedHost.ExitCode.Should().Be(0, withSeedHost.ToString());
        foreach (var target in targets)
        {
            (await RunsOnAsync(cluster, target)).Should().Be(1, $"{target} ran once");
        }
    }
}
