using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>The job loop owns each host's output: every byte stored, a bounded display, the status written with the end.</summary>
public sealed class JobRunnerOutputTests
{
    [Fact(Timeout = 30_000)]
    public async Task A_host_printing_far_more_than_a_stuck_console_takes_stores_every_byte_while_the_display_holds_at_most_its_bound()
    {
        const int Chunks = 2_000;
        const int ChunkBytes = 1024;
        const int Bound = 64 * 1024;
        var h = new RunnerHarness();
        var host = h.Ring.Addresses.First();
        var printed = new ManualResetEventSlim();
        h.Hosts.Print = async (request, detach) =>
        {
            for (var i = 0; i < Chunks; i++)
            {
                await request.Output.WriteAsync(new OutputBytes(OutputStreamKind.StandardOutput, Enumerable.Repeat((byte)('a' + (i % 26)), ChunkBytes).ToArray()), detach);
            }

            printed.Set();
        };
        // The console is stuck on the first piece of output until the host printed everything.
        h.Observer.OnOutput = _ => printed.Wait(TimeSpan.FromSeconds(20));

        var outcome = await h.RunAsync(h.Request(targets: [host]) with { DisplayQueueBytes = Bound });

        outcome.State.Should().Be(JobState.Finished);
        printed.IsSet.Should().BeTrue();
        h.Outputs.Bytes(host, OutputChannel.Out).Length.Should().Be(Chunks * ChunkBytes, "out gets every byte whatever the display does");
        var shown = h.Observer.Output.Where(o => o.Host == host).ToList();
        shown.Where(o => o.Stream == OutputStreamKind.StandardOutput).Sum(o => o.Text.Length).Should().BeLessThanOrEqualTo(2 * Bound, "at most one drained batch (being shown while the console is stuck) and one full queue behind it");
        // Each time the display fell behind it says so (once or more, depending on when the loop drained).
        var notices = shown.Where(o => o.Text.Contains("bytes of output not shown here")).ToList();
        notices.Should().NotBeEmpty().And.OnlyContain(o => o.Text.Contains($"cstar jobs log job-1 --host {host}"));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_exit_status_is_written_by_the_job_loop_and_only_for_a_command_whose_exit_was_seen()
    {
        var h = new RunnerHarness();
        var hosts = h.Ring.Addresses.Take(3).ToList();
        h.Hosts.Results[hosts[1]] = Core.Execution.HostRunResult.Exited(3);
        h.Hosts.Results[hosts[2]] = Core.Execution.HostRunResult.Lost("lost: gone");

        await h.RunAsync(h.Request(new SchedulingPolicy { HaltOnFailure = false }, hosts) with { MaxFailures = 5 });

        h.Outputs.Status(hosts[0]).Should().Be(0);
        h.Outputs.Status(hosts[1]).Should().Be(3);
        h.Outputs.Status(hosts[2]).Should().BeNull("a lost host's end was not seen: no status");
        h.Outputs.Out(hosts[0]).Should().Be($"hello from {hosts[0]}\n");
    }
}
