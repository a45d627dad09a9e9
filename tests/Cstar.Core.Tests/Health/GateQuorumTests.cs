using Cstar.Core.Health;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Health;

public sealed class GateQuorumTests
{
    private static readonly string[] Addresses = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"];

    private static RingView View(string viewer, string? down = null) => RingView.Of(
        viewer,
        Addresses.Select(a => TestNodes.WithCode(TestNodes.Up(a, "c", "dc1", "r1"), a == down ? "DN" : "UN")));

    [Fact]
    public void Two_peers_of_three_asked_that_see_the_host_UN_decide_before_the_third_answers()
    {
        GateQuorum.Decided("10.0.0.1", [View("10.0.0.2"), View("10.0.0.3")], pending: 1).Should().BeTrue();
        HealthRules.HasReturned("10.0.0.1", [View("10.0.0.2"), View("10.0.0.3"), View("10.0.0.4", down: "10.0.0.1")], false, false).IsOk
            .Should().BeTrue("the full read says the same whatever the third peer answers");
    }

    [Fact]
    public void One_UN_answer_of_three_asked_is_not_a_quorum()
    {
        GateQuorum.Decided("10.0.0.1", [View("10.0.0.2")], pending: 2).Should().BeFalse();
    }

    [Fact]
    public void A_DN_answer_keeps_the_read_going_until_no_pending_answer_can_overturn_the_majority()
    {
        GateQuorum.Decided("10.0.0.1", [View("10.0.0.2"), View("10.0.0.3", down: "10.0.0.1")], pending: 1).Should().BeFalse();
        GateQuorum.Decided("10.0.0.1", [View("10.0.0.2"), View("10.0.0.3", down: "10.0.0.1"), View("10.0.0.4")], pending: 0).Should().BeTrue();
    }

    [Fact]
    public void The_hosts_own_view_never_counts_toward_its_quorum()
    {
        GateQuorum.Decided("10.0.0.1", [View("10.0.0.1"), View("10.0.0.2")], pending: 1).Should().BeFalse();
    }

    [Fact]
    public void Every_host_awaiting_return_must_be_decided_and_no_host_awaiting_means_read_every_peer()
    {
        var views = new[] { View("10.0.0.3"), View("10.0.0.4", down: "10.0.0.2") };

        GateQuorum.AllDecided(["10.0.0.1", "10.0.0.2"])(views, 1).Should().BeFalse();
        GateQuorum.AllDecided(["10.0.0.1"])(views, 1).Should().BeTrue();
        GateQuorum.AllDecided([])(views, 1).Should().BeFalse();
    }
}
