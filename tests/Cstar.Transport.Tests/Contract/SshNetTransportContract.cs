using Cstar.Core.Ports;
using Cstar.TestKit.Ssh;
using Cstar.Transport.Execution;
using Cstar.Transport.SshNet;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Contract;

[Trait("Category", "Loopback")]
public sealed class SshNetTransportContract(SshServerFixture fixture) : SshTransportContract(fixture), IClassFixture<SshServerFixture>
{
    [SkippableFact]
    public async Task A_command_whose_time_runs_out_before_its_pid_line_arrived_is_still_killed_with_its_group()
    {
        (await Transport.RunAsync(Host, ["true"], Generous, Bounded())).ExitCode.Should().Be(0);
        var markers = new List<string>();
        // Timeouts shorter than the round trip that brings the wrapper's pid line back: the pid is read after the time ran out.
        foreach (var milliseconds in (int[])[5, 15, 30, 60, 120])
        {
            var marker = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            markers.Add(marker);
            var run = () => Transport.RunAsync(Host, ["sh", "-c", $"sleep 916.{marker} & sleep 917.{marker}"], TimeSpan.FromMilliseconds(milliseconds), Bounded());
            (await run.Should().ThrowAsync<TransportException>()).Which.Kind.Should().Be(TransportFailureKind.Timeout);
        }

        foreach (var marker in markers)
        {
            (await ProcessTable.GoneAsync($"916.{marker}", TimeSpan.FromSeconds(15))).Should().BeTrue("the background child of a command that started is killed with its group");
            (await ProcessTable.GoneAsync($"917.{marker}", TimeSpan.FromSeconds(15))).Should().BeTrue("the command that started is killed");
        }
    }

    protected override CommandTransportBase CreateTransport(SshOptions options) => new SshNetTransport(options);
}
