using Cstar.Simulator.Host.Cluster;
using Cstar.Simulator.Host.Hosts;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Loopback;

public sealed class CqlshShimTests
{
    [Fact(Timeout = 30_000)]
    public async Task The_cqlsh_stand_in_prints_nothing_when_a_process_ends_while_it_lists_command_lines()
    {
        var script = CqlshShim.Script(new ClusterPaths("/tmp/cstar-sim-none"), "127.0.0.9");
        var loop = script.Split('\n').Single(l => l.Contains("/proc/[0-9]*/cmdline", StringComparison.Ordinal)).Trim()
            .Replace("/proc/[0-9]*/cmdline", "/proc/999999999/cmdline", StringComparison.Ordinal)
            .Replace("\"$HOME/cqlsh.cmdlines\"", "/dev/null", StringComparison.Ordinal);

        var (exit, _, stderr) = await Cstar.Simulator.Host.Hosts.ProcessRunner.RunAsync("/bin/sh", ["-c", loop], TimeSpan.FromSeconds(10), CancellationToken.None);

        exit.Should().Be(0);
        stderr.Should().BeEmpty("a vanished /proc entry is not worth a line on the operator's screen");
    }
}
