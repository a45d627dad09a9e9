using Cstar.Core.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

public sealed class GatePollScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_read_comes_when_the_command_ends_and_later_reads_back_off_up_to_the_maximum()
    {
        var schedule = new GatePollSchedule(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1));
        schedule.HostEnded(T0);
        schedule.Next.Should().Be(T0);

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
    public void Hosts_that_end_before_the_next_read_share_it_and_a_new_end_starts_the_back_off_over()
    {
        var schedule = new GatePollSchedule(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
        schedule.HostEnded(T0);
        schedule.Polled(T0);
        schedule.Polled(T0.AddMilliseconds(300));

        schedule.HostEnded(T0.AddMilliseconds(400));
        schedule.HostEnded(T0.AddMilliseconds(410));

        schedule.Next.Should().Be(T0.AddMilliseconds(410), "both hosts are decided by the one read that starts now");
        schedule.Polled(T0.AddMilliseconds(410));
        schedule.Next.Should().Be(T0.AddMilliseconds(710));
    }
}
