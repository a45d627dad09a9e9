using Cstar.Core.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

public sealed class GatePollScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void After_a_read_the_next_comes_after_the_initial_delay_and_later_ones_back_off_up_to_the_maximum()
    {
        var schedule = new GatePollSchedule(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1));
        schedule.HostEnded();

        var gaps = new List<double>();
        var now = T0;
        for (var i = 0; i < 5; i++)
        {
            schedule.Polled(now);
            gaps.Add((schedule.Next - now).TotalMilliseconds);
            now = schedule.Next;
        }

        gaps.Should().Equal(300, 450, 675, 1000, 1000);
    }

    [Fact]
    public void A_new_end_starts_the_back_off_over()
    {
        var schedule = new GatePollSchedule(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        schedule.HostEnded();
        schedule.Polled(T0);
        schedule.Polled(T0.AddMilliseconds(300));
        schedule.Next.Should().Be(T0.AddMilliseconds(750));

        schedule.HostEnded();
        schedule.Polled(T0.AddMilliseconds(410));

        schedule.Next.Should().Be(T0.AddMilliseconds(710));
    }
}
