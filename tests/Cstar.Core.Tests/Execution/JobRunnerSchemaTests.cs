using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Core.Health;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>The schema rule of the check before the first start, applied to what the job really read.</summary>
public sealed class JobRunnerSchemaTests
{
    private const string Split = "5d0b3c3e-0000-3000-8000-000000000001";

    private static string FirstCheck(RunnerHarness h) => h.Events.OfType<GateEvent>().First(e => e.Host is null).Status;

    [Fact(Timeout = 30_000)]
    public async Task The_first_check_reads_describecluster_with_the_ring_and_a_split_schema_refuses_every_start_with_exit_5()
    {
        var h = new RunnerHarness();
        var odd = h.Ring.Addresses.Last();
        h.Probe.SchemaOf[odd] = Split;

        var outcome = await h.RunAsync(h.Request());

        outcome.ExitCode.Should().Be(ExitCode.Blocked);
        outcome.State.Should().Be(JobState.Halted);
        h.Probe.SchemaReads.Should().Be(1);
        h.Hosts.Started.Should().BeEmpty();
        outcome.Reason.Should().Contain("schema versions disagree in cluster test").And.Contain($"{Split} (1 node): {odd}")
            .And.Contain("--allow-schema-disagreement").And.Contain("Wait until");
    }

    [Fact(Timeout = 30_000)]
    public async Task Allow_schema_disagreement_starts_and_the_output_says_what_was_allowed()
    {
        var h = new RunnerHarness();
        h.Probe.SchemaOf[h.Ring.Addresses.Last()] = Split;

        var outcome = await h.RunAsync(h.Request(SchedulingPolicy.Default with { AllowSchemaDisagreement = true }));

        outcome.State.Should().Be(JobState.Finished);
        FirstCheck(h).Should().StartWith("healthy; schema versions disagree in cluster test, allowed by --allow-schema-disagreement: " + Split);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_agreeing_cluster_starts_as_before()
    {
        var h = new RunnerHarness();

        var outcome = await h.RunAsync(h.Request());

        outcome.State.Should().Be(JobState.Finished);
        FirstCheck(h).Should().Be("healthy");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_first_check_that_could_read_no_describecluster_refuses_to_guess()
    {
        var h = new RunnerHarness();
        h.Probe.DescribeclusterFails = true;

        var outcome = await h.RunAsync(h.Request());

        outcome.ExitCode.Should().Be(ExitCode.Blocked);
        outcome.Reason.Should().Contain("no describecluster could be read");
        h.Hosts.Started.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_split_in_discoverys_fresh_reading_refuses_without_reading_the_ring_again()
    {
        var h = new RunnerHarness();
        var addresses = h.Ring.Addresses.ToList();
        var reading = new RingReading(
            [RingView.Of("10.0.0.1", h.Ring.Nodes) with
            {
                SchemaVersions = ImmutableDictionary.CreateRange(StringComparer.Ordinal, [
                    KeyValuePair.Create(FakeRingHealthProbe.AgreedSchema, addresses.SkipLast(1).ToImmutableArray()),
                    KeyValuePair.Create(Split, ImmutableArray.Create(addresses[^1]))]),
            }],
            h.Clock.GetUtcNow(),
            "discovery on 10.0.0.1");

        var outcome = await h.RunAsync(h.Request() with { RingReading = reading });

        outcome.ExitCode.Should().Be(ExitCode.Blocked);
        outcome.Reason.Should().Contain($"{Split} (1 node): {addresses[^1]}").And.Contain("as discovery on 10.0.0.1 read it");
        h.Probe.Reads.Should().Be(0);
    }
}
