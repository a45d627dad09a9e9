using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Core.Health;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Execution;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>The check before the first start may rely on discovery's fresh reading of the ring instead of reading it again.</summary>
public sealed class JobRunnerRingReadingTests
{
    private static readonly SchedulingPolicy One = new() { Strategy = SchedulingStrategy.One };

    private static RingReading Reading(RunnerHarness h, TimeSpan age, params string[] down) => new(
        [RingView.Of("10.0.0.1", h.Ring.Nodes.Select(n => down.Contains(n.Address) ? TestNodes.WithCode(n, "DN") : n)) with
        {
            SchemaVersions = ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(FakeRingHealthProbe.AgreedSchema, h.Ring.Addresses.ToImmutableArray())]),
        }],
        h.Clock.GetUtcNow() - age,
        "discovery on 10.0.0.1");

    [Fact(Timeout = 30_000)]
    public async Task A_fresh_discovery_reading_is_relied_on_for_the_first_ring_check_and_the_output_says_so()
    {
        var h = new RunnerHarness();
        var target = h.Ring.Addresses.ElementAt(5);

        var outcome = await h.RunAsync(h.Request(One, targets: [target]) with { RingReading = Reading(h, TimeSpan.FromSeconds(1)) });

        outcome.State.Should().Be(JobState.Finished);
        h.Probe.Reads.Should().Be(1, "only the gate's read after the command: the ring check relied on discovery");
        h.Events.OfType<GateEvent>().First(e => e.Host is null).Status.Should().Be("healthy (as discovery on 10.0.0.1 read it 1 s ago)");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_reading_older_than_the_freshness_bound_is_not_relied_on_and_the_ring_is_read_again()
    {
        var h = new RunnerHarness();
        var target = h.Ring.Addresses.ElementAt(5);

        await h.RunAsync(h.Request(One, targets: [target]) with { RingReading = Reading(h, TimeSpan.FromSeconds(6)) });

        h.Probe.Reads.Should().Be(2);
        h.Events.OfType<GateEvent>().First(e => e.Host is null).Status.Should().Be("healthy");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_fresh_reading_that_shows_a_target_down_blocks_the_first_start_as_a_read_would()
    {
        var h = new RunnerHarness();
        var down = h.Ring.Addresses.Last();

        var outcome = await h.RunAsync(h.Request() with { RingReading = Reading(h, TimeSpan.Zero, down) });

        outcome.ExitCode.Should().Be(ExitCode.Blocked);
        outcome.Reason.Should().Contain($"{down} is DN in the view of 10.0.0.1").And.Contain("as discovery on 10.0.0.1 read it");
        h.Hosts.Started.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Every_start_after_the_first_wave_follows_a_fresh_read_even_with_a_fresh_reading()
    {
        var h = new RunnerHarness();
        string[] targets = [h.Ring.Addresses.ElementAt(3), h.Ring.Addresses.ElementAt(4), h.Ring.Addresses.ElementAt(5)];

        var outcome = await h.RunAsync(h.Request(One, targets: targets) with { RingReading = Reading(h, TimeSpan.Zero) });

        outcome.State.Should().Be(JobState.Finished);
        h.Probe.Reads.Should().BeGreaterThanOrEqualTo(3, "each host's return is read after its command, before the next start");
    }
}
