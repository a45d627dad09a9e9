using Cstar.JobStore.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Store;

public sealed class ProcessLivenessTests
{
    [Fact]
    public void This_process_is_alive_and_a_same_pid_with_another_start_time_is_not()
    {
        var system = SystemProcessLiveness.Instance;

        system.Current.Pid.Should().Be(Environment.ProcessId);
        system.IsAlive(system.Current).Should().BeTrue();
        system.IsAlive(system.Current with { StartTime = system.Current.StartTime + 1 }).Should().BeFalse();
        system.IsAlive(new ProcessIdentity(0, 0)).Should().BeFalse();
    }
}
