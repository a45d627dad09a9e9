using Cstar.Ring.Discovery;
using Cstar.TestKit;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>Discovery's status read, stamped when sent, as the reading the job's first ring check may rely on.</summary>
public sealed class DiscoveryReadingTests
{
    [Fact(Timeout = 20_000)]
    public async Task Discovery_stamps_when_it_sent_the_status_read_and_its_reading_is_the_seeds_view_of_every_node()
    {
        var clock = new ManualClock();
        var sent = clock.GetUtcNow();
        var transport = new FakeTransport().Node311("127.0.0.1");

        var result = await new RingDiscovery(transport).DiscoverAsync(new DiscoveryOptions(["127.0.0.1"]) { Time = clock }, CancellationToken.None);
        var reading = DiscoveryReading.Of(result);

        result.Clusters.Single().StatusSentAt.Should().Be(sent);
        reading.Should().NotBeNull();
        reading!.ReadAt.Should().Be(sent);
        reading.Source.Should().Be("discovery on 127.0.0.1");
        var view = reading.Views.Should().ContainSingle().Subject;
        view.Viewer.Should().Be("127.0.0.1");
        view.Nodes.Select(n => $"{n.Address} {n.StateCode}").Should().Equal("127.0.0.1 UN", "127.0.0.2 UN", "127.0.0.3 UN");
    }

    [Fact(Timeout = 20_000)]
    public async Task The_reading_carries_the_seeds_describecluster_schema_versions_and_the_releases_discovery_knows()
    {
        var result = await new RingDiscovery(new FakeTransport().Node311("127.0.0.1")).DiscoverAsync(new DiscoveryOptions(["127.0.0.1"]) { Time = new ManualClock() }, CancellationToken.None);

        var view = DiscoveryReading.Of(result)!.Views.Single();

        view.SchemaVersions.Should().ContainSingle().Which.Value.Should().Equal("127.0.0.1", "127.0.0.2", "127.0.0.3");
        view.ReleaseVersions.Should().Equal(new Dictionary<string, string> { ["127.0.0.1"] = "3.11.10" }, "3.x lets only the seed say its own release");
        Core.Health.HealthRules.SchemaAgreement([view], false).IsOk.Should().BeTrue();
    }

    [Fact(Timeout = 20_000)]
    public async Task A_cluster_whose_read_time_is_unknown_gives_no_reading_so_the_job_reads_the_ring_itself()
    {
        var result = await new RingDiscovery(new FakeTransport().Node311("127.0.0.1")).DiscoverAsync(new DiscoveryOptions(["127.0.0.1"]), CancellationToken.None);
        var unstamped = result with { Clusters = [.. result.Clusters.Select(c => c with { StatusSentAt = null })] };

        DiscoveryReading.Of(unstamped).Should().BeNull();
    }
}
