using Cstar.Core.Health;
using Cstar.Core.Ports;
using Cstar.Ring.Health;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests.Health;

public sealed class NodetoolRingHealthProbeTests
{
    private static readonly string Status = Fixtures.RealNodetool("3.11.10", "status-node3-DN.txt");
    private static readonly string[] Peers = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"];

    [Fact(Timeout = 10_000)]
    public async Task Views_come_from_up_to_three_peers_never_from_a_host_in_flight_and_an_unreachable_peer_is_replaced()
    {
        var transport = new FakeTransport()
            .Answer("127.0.0.1", "*", Status)
            .Fail("127.0.0.2", "*", TransportFailureKind.ConnectionRefused, "refused")
            .Answer("127.0.0.4", "*", Status);
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "c1", Peers);

        var views = await probe.ReadViewsAsync(new HashSet<string> { "127.0.0.3" }, CancellationToken.None);

        views.Select(v => v.Viewer).Should().BeEquivalentTo("127.0.0.1", "127.0.0.4");
        transport.Calls.Select(c => c.Host).Should().NotContain("127.0.0.3");
        views[0].Find("127.0.0.3")!.StateCode.Should().Be("DN");
        HealthRules.HasReturned("127.0.0.3", views, false, false).IsOk.Should().BeFalse();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_gate_read_asks_a_majority_of_peers_first_and_the_third_only_when_their_answers_do_not_settle_it()
    {
        var transport = new FakeTransport().Answer("127.0.0.1", "*", Status).Answer("127.0.0.2", "*", Status).Answer("127.0.0.3", "*", Status);
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "c1", Peers);

        var settled = await probe.ReadViewsAsync(new HashSet<string>(), new HashSet<string>(), (read, _) => read.Count >= 2, CancellationToken.None);
        var asked = transport.Calls.Count;
        var unsettled = await probe.ReadViewsAsync(new HashSet<string>(), new HashSet<string>(), (read, _) => read.Count >= 3, CancellationToken.None);

        settled.Select(v => v.Viewer).Should().BeEquivalentTo("127.0.0.1", "127.0.0.2");
        asked.Should().Be(2);
        unsettled.Select(v => v.Viewer).Should().BeEquivalentTo("127.0.0.1", "127.0.0.2", "127.0.0.3");
        transport.Calls.Select(c => c.Host).Should().NotContain("127.0.0.4");
    }

    [Fact(Timeout = 10_000)]
    public async Task The_host_being_judged_is_asked_after_the_other_peers()
    {
        var transport = new FakeTransport().Answer("127.0.0.1", "*", Status).Answer("127.0.0.2", "*", Status).Answer("127.0.0.3", "*", Status);
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "c1", Peers);

        var views = await probe.ReadViewsAsync(new HashSet<string>(), new HashSet<string> { "127.0.0.1" }, (read, _) => read.Count >= 2, CancellationToken.None);

        views.Select(v => v.Viewer).Should().BeEquivalentTo("127.0.0.2", "127.0.0.3");
        transport.Calls.Select(c => c.Host).Should().NotContain("127.0.0.1");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_gate_read_that_judges_every_peer_asks_all_three_at_once_since_two_answers_could_never_settle_it()
    {
        // Under all on a three-node ring every peer is judged: each one's own view does not count for itself.
        string[] ring = ["127.0.0.1", "127.0.0.2", "127.0.0.3"];
        var transport = new FakeTransport();
        foreach (var peer in ring)
        {
            transport.Answer(peer, "*", Status).Hold(peer, "nodetool status", "never asked");
        }

        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "c1", ring);
        using var stop = new CancellationTokenSource();

        var read = probe.ReadViewsAsync(new HashSet<string>(), ring.ToHashSet(), GateQuorum.AllDecided(ring), stop.Token);
        var askedAtOnce = transport.Calls.Select(c => c.Host).ToList();
        await stop.CancelAsync();
        var cancelled = async () => await read;

        askedAtOnce.Should().BeEquivalentTo(ring);
        await cancelled.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact(Timeout = 10_000)]
    public async Task A_gate_read_whose_only_readable_peer_is_the_judged_host_itself_asks_nobody()
    {
        var transport = new FakeTransport().Answer("127.0.0.1", "*", Status).Answer("127.0.0.2", "*", Status).Answer("127.0.0.3", "*", Status);
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "c1", ["127.0.0.1", "127.0.0.2", "127.0.0.3"]);
        var judged = new HashSet<string> { "127.0.0.1" };

        var views = await probe.ReadViewsAsync(new HashSet<string> { "127.0.0.2", "127.0.0.3" }, judged, GateQuorum.AllDecided(judged), CancellationToken.None);

        views.Should().BeEmpty();
        transport.Calls.Should().BeEmpty();
        HealthRules.HasReturned("127.0.0.1", views, false, false).Reason.Should().Contain("no peer view");
    }

    [Fact(Timeout = 10_000)]
    public async Task A_second_gate_read_beside_the_first_asks_the_peers_the_first_is_not_asking()
    {
        string[] ring = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"];
        var transport = new FakeTransport();
        foreach (var peer in ring)
        {
            transport.Answer(peer, "*", Status).Hold(peer, "nodetool status", "never asked");
        }

        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "c1", ring);
        using var stop = new CancellationTokenSource();
        var none = new HashSet<string>();

        var first = probe.ReadViewsAsync(none, none, (_, _) => false, stop.Token);
        var askedFirst = transport.Calls.Select(c => c.Host).ToList();
        var second = probe.ReadViewsAsync(none, none, (_, _) => false, stop.Token);
        var askedSecond = transport.Calls.Select(c => c.Host).Skip(askedFirst.Count).ToList();
        await stop.CancelAsync();
        var cancelled = async () => await Task.WhenAll(first, second);

        askedFirst.Should().Equal("127.0.0.1", "127.0.0.2");
        askedSecond.Should().Equal("127.0.0.3", "127.0.0.4");
        await cancelled.Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData(new[] { "a", "b", "c" }, new[] { "a", "b", "c" }, 3)]
    [InlineData(new[] { "d", "e", "a", "b" }, new[] { "a", "b" }, 2)]
    [InlineData(new[] { "d", "a", "b" }, new[] { "a", "b" }, 3)]
    [InlineData(new[] { "a", "b", "c", "d" }, new string[0], 2)]
    public void The_first_batch_of_a_gate_read_is_a_majority_unless_a_judged_host_in_it_could_not_be_settled(string[] candidates, string[] judged, int expected) =>
        NodetoolRingHealthProbe.FirstBatch(candidates, judged.ToHashSet(), 3).Should().Be(expected);

    [Fact(Timeout = 10_000)]
    public async Task A_read_that_has_enough_answers_stops_and_drops_the_slow_peer_without_marking_it_failed()
    {
        var transport = new FakeTransport()
            .Answer("127.0.0.1", "*", Status)
            .Answer("127.0.0.2", "*", Status)
            .Hold("127.0.0.2", "nodetool status", "never asked");
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions(), "c1", Peers);

        var views = await probe.ReadViewsAsync(new HashSet<string>(), new HashSet<string>(), (read, pending) => read.Count >= 1 && pending == 2, CancellationToken.None);

        views.Select(v => v.Viewer).Should().Equal("127.0.0.1");
        transport.Calls.Select(c => c.Host).Should().Equal("127.0.0.1", "127.0.0.2");
    }

    [Fact(Timeout = 10_000)]
    public async Task JMX_credentials_go_as_user_and_password_file_never_as_a_password()
    {
        var transport = new FakeTransport().Answer("127.0.0.1", "*", Status);
        var probe = new NodetoolRingHealthProbe(transport, new RingHealthProbeOptions { JmxUser = "ops", JmxPasswordFile = "/etc/cassandra/jmx.pw" }, "c1", ["127.0.0.1"]);

        await probe.ReadViewsAsync(new HashSet<string>(), CancellationToken.None);

        transport.Calls.Single().Argv.Should().Equal("nodetool", "-u", "ops", "-pwf", "/etc/cassandra/jmx.pw", "status").And.NotContain("-pw");
    }
}
