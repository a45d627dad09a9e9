using Cstar.Simulator.Host.Daemon;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

public sealed class HostHistoryTests
{
    [Fact]
    public void Events_keep_their_order_their_time_and_when_cassandra_serves_again()
    {
        var clock = new ManualClock();
        var history = new HostHistory(clock);

        history.Record("127.1.1.1", "nodetool", ["drain"]);
        clock.Advance(TimeSpan.FromSeconds(1));
        history.Record("127.1.1.2", "stop");
        history.Record("127.1.1.1", "start", servingAfter: TimeSpan.FromSeconds(5));

        history.Events.Select(e => e.What).Should().Equal("nodetool", "stop", "start");
        history.Of("127.1.1.1").Should().HaveCount(2);
        history.Of("127.1.1.1")[0].IsNodetool("drain").Should().BeTrue();
        history.Of("127.1.1.1")[1].ServingFrom.Should().Be(clock.GetUtcNow() + TimeSpan.FromSeconds(5));
        history.Of("127.1.1.2").Single().At.Should().Be(clock.GetUtcNow());
    }

    [Fact]
    public void Only_the_last_events_up_to_the_capacity_are_kept()
    {
        var history = new HostHistory(new ManualClock());

        for (var i = 0; i < HostHistory.Capacity + 10; i++)
        {
            history.Record("127.1.1.1", "nodetool", [i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        history.Events.Should().HaveCount(HostHistory.Capacity);
        history.Events[0].Args.Should().Equal("10");
    }
}
