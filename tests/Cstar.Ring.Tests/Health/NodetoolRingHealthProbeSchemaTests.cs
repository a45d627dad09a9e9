using Cstar.Core.Health;
using Cstar.Core.Ports;
using Cstar.Ring.Health;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests.Health;

/// <summary>The first check's own read: the status views and one peer's describecluster (real 3.11 and 4.0 captures).</summary>
public sealed class NodetoolRingHealthProbeSchemaTests
{
    private static readonly string[] Peers = ["127.0.0.1", "127.0.0.2", "127.0.0.3"];

    [Fact(Timeout = 10_000)]
    public async Task On_4_0_the_first_peers_describecluster_runs_beside_its_status_and_its_schema_and_releases_ride_on_its_view()
    {
        var transport = new FakeTransport()
            .Answer("127.0.0.1", "nodetool status", Fixtures.RealNodetool("4.0-alpha4", "status-node3-DN.txt"))
            .Answer("127.0.0.1", "nodetool describecluster", Fixtures.RealNodetool("4.0-alpha4", "describecluster-node3-DN.txt"))
            .Hold("127.0.0.1", "nodetool describecluster", "nodetool status")
            .Answer("127.0.0.2", "nodetool status", Fixtures.RealNodetool("4.0-alpha4", "status-node3-DN-from-node2.txt"))
            .Fail("127.0.0.3", "*", TransportFailureKind.ConnectionRefused, "refused");
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "acceptance", Peers);

        var views = await probe.ReadViewsWithSchemaAsync(new HashSet<string>(), CancellationToken.None);

        views.Select(v => v.Viewer).Should().BeEquivalentTo("127.0.0.1", "127.0.0.2");
        var seed = views.Single(v => v.Viewer == "127.0.0.1");
        seed.SchemaVersions["fa4f8bee-474a-3603-8b45-d12b53b619bf"].Should().Equal("127.0.0.2", "127.0.0.1");
        seed.SchemaVersions[RingView.Unreachable].Should().Equal("127.0.0.3");
        seed.ReleaseVersions.Should().ContainKey("127.0.0.3").WhoseValue.Should().Be("4.0.0-alpha4");
        views.Single(v => v.Viewer == "127.0.0.2").SchemaVersions.Should().BeEmpty();
        transport.Calls.Count(c => c.Argv[^1] == "describecluster").Should().Be(1);
        var verdict = HealthRules.SchemaAgreement(views, false);
        verdict.IsOk.Should().BeTrue(verdict.ToString());
        verdict.Notes.Should().BeEmpty("127.0.0.3 is UNREACHABLE in describecluster and DN in status: the status rule's business");
    }

    [Fact(Timeout = 10_000)]
    public async Task On_3_11_describecluster_gives_the_schema_versions_and_no_releases()
    {
        var transport = new FakeTransport()
            .Answer("127.0.0.1", "nodetool status", Fixtures.RealNodetool("3.11.10", "status.txt"))
            .Answer("127.0.0.1", "nodetool describecluster", Fixtures.RealNodetool("3.11.10", "describecluster.txt"))
            .Answer("127.0.0.2", "*", Fixtures.RealNodetool("3.11.10", "status.txt"))
            .Answer("127.0.0.3", "*", Fixtures.RealNodetool("3.11.10", "status-from-node3.txt"));
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "acceptance", Peers);

        var views = await probe.ReadViewsWithSchemaAsync(new HashSet<string>(), CancellationToken.None);

        var seed = views.Single(v => v.Viewer == "127.0.0.1");
        seed.SchemaVersions.Keys.Should().Equal("db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c");
        seed.ReleaseVersions.Should().BeEmpty();
        HealthRules.BeforeFirstStart(Peers, views, false, false).IsOk.Should().BeTrue();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_failed_describecluster_is_asked_again_of_a_peer_whose_status_answered()
    {
        var transport = new FakeTransport()
            .Answer("127.0.0.1", "nodetool status", Fixtures.RealNodetool("3.11.10", "status.txt"))
            .Answer("127.0.0.1", "nodetool describecluster", "nodetool: Failed to connect to '127.0.0.1:7199'", exitCode: 1)
            .Answer("127.0.0.2", "nodetool status", Fixtures.RealNodetool("3.11.10", "status.txt"))
            .Answer("127.0.0.2", "nodetool describecluster", Fixtures.RealNodetool("3.11.10", "describecluster.txt"))
            .Answer("127.0.0.3", "*", Fixtures.RealNodetool("3.11.10", "status-from-node3.txt"));
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "acceptance", Peers);

        var views = await probe.ReadViewsWithSchemaAsync(new HashSet<string>(), CancellationToken.None);

        views.Single(v => v.Viewer == "127.0.0.2").SchemaVersions.Should().ContainKey("db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c");
        HealthRules.SchemaAgreement(views, false).IsOk.Should().BeTrue();
    }

    [Fact(Timeout = 10_000)]
    public async Task When_no_peer_answers_describecluster_the_views_carry_no_schema_and_the_rule_refuses_to_guess()
    {
        var transport = new FakeTransport()
            .Answer("127.0.0.1", "nodetool status", Fixtures.RealNodetool("3.11.10", "status.txt"))
            .Answer("127.0.0.2", "nodetool status", Fixtures.RealNodetool("3.11.10", "status.txt"))
            .Answer("127.0.0.3", "nodetool status", Fixtures.RealNodetool("3.11.10", "status-from-node3.txt"));
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "acceptance", Peers);

        var views = await probe.ReadViewsWithSchemaAsync(new HashSet<string>(), CancellationToken.None);

        views.Should().HaveCount(3).And.OnlyContain(v => v.SchemaVersions.IsEmpty);
        transport.Calls.Count(c => c.Argv[^1] == "describecluster").Should().Be(3, "the first peer beside its status, then each other peer whose status answered");
        HealthRules.SchemaAgreement(views, false).Reason.Should().StartWith("no describecluster could be read in cluster acceptance");
    }
}
