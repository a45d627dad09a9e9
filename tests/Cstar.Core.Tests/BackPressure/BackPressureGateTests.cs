using Cstar.Core.BackPressure;
using Cstar.TestKit.Execution;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.BackPressure;

public sealed class BackPressureGateTests
{
    private readonly ManualClock clock = new();

    [Fact]
    public async Task A_node_that_holds_the_gate_is_read_again_after_1_s_then_twice_as_late_up_to_the_poll_interval()
    {
        var probe = new FakeNodeLoadProbe(clock);
        probe.Pending["a"] = 500;
        var gate = new BackPressureGate(probe, new BackPressureLimits(100, false), clock) { PollInterval = TimeSpan.FromSeconds(4) };
        var readAt = new List<double>();
        probe.OnRead = _ => readAt.Add(clock.GetUtcNow().Subtract(Start).TotalSeconds);
        Start = clock.GetUtcNow();

        for (var i = 0; i <= 20; i++)
        {
            (await gate.CheckAsync(["a"], CancellationToken.None)).IsClear.Should().BeFalse();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        readAt.Should().Equal(0, 1, 3, 7, 11, 15, 19);
    }

    [Fact]
    public async Task Figures_read_for_a_start_are_reused_by_the_next_check_and_the_trend_comes_from_the_reads()
    {
        var probe = new FakeNodeLoadProbe(clock);
        probe.Pending["a"] = 700;
        var gate = new BackPressureGate(probe, new BackPressureLimits(100, false), clock);

        await gate.CheckAsync(["a", "b"], CancellationToken.None);
        (await gate.CheckAsync(["a"], CancellationToken.None)).Figures.Should().Equal("a: 700 pending compactions (limit 100)");
        probe.Reads.Should().Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 1 });
        probe.Pending["a"] = 600;
        clock.Advance(TimeSpan.FromMinutes(30));

        (await gate.CheckAsync(["a", "b"], CancellationToken.None)).Figures.Should().Equal("a: 600 pending compactions (limit 100), falling 200/h, about 2 h");
        gate.NextRead(["a", "b"]).Should().Be(clock.GetUtcNow() + TimeSpan.FromSeconds(1), "b is clear, read again after 1 s; a held twice, after 2 s");
    }

    private DateTimeOffset Start { get; set; }
}
