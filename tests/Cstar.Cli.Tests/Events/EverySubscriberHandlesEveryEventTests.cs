using Cstar.Cli.Jobs;
using Cstar.Cli.LiveView;
using Cstar.Cli.Logging;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Topology;
using Cstar.JobStore.Events;
using Cstar.TestKit.Execution;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Serilog;
using Xunit;

namespace Cstar.Cli.Tests.Events;

/// <summary>
/// Adding an event type is one change: a record deriving from <see cref="JobEvent"/>, published once by the runner.
/// Its sample in <see cref="JobEventSamples"/> (checked by reflection) then reaches every subscriber here, and the
/// default case of each subscriber's switch throws until the type is handled or listed as ignored.
/// </summary>
public sealed class EverySubscriberHandlesEveryEventTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> SubscriberNames() => [.. Subscribers().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SubscriberNames))]
    public void The_subscriber_handles_or_deliberately_ignores_every_event_type(string name)
    {
        var subscriber = Subscribers().Single(s => s.Name == name);

        foreach (var jobEvent in JobEventSamples.All)
        {
            FluentActions.Invoking(() => subscriber.Handle(jobEvent)).Should().NotThrow($"{name} must handle or list {jobEvent.GetType().Name}");
        }
    }

    [Theory]
    [MemberData(nameof(SubscriberNames))]
    public void An_event_type_the_subscriber_does_not_know_fails_its_test(string name)
    {
        var subscriber = Subscribers().Single(s => s.Name == name);

        FluentActions.Invoking(() => subscriber.Handle(new NotYetHandledEvent(T0, "job-1")))
            .Should().Throw<UnhandledJobEventException>().WithMessage($"*{nameof(NotYetHandledEvent)}*");
    }

    [Fact]
    public void Only_the_milestones_the_schema_describes_reach_the_events_stream()
    {
        var output = new StringWriter();
        using var writer = new NdjsonEventWriter(output, ownsWriter: false);

        foreach (var jobEvent in JobEventSamples.All)
        {
            writer.Handle(jobEvent);
        }

        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('"')[3]).Should().Equal(
            JobEventTypes.JobStart, JobEventTypes.HostStart, JobEventTypes.GateWait, JobEventTypes.GatePass,
            JobEventTypes.HostFinish, JobEventTypes.Halt, JobEventTypes.BackPressureWait, JobEventTypes.BackPressurePass, JobEventTypes.Control, JobEventTypes.JobEnd);
    }

    private static IEnumerable<IJobEventSubscriber> Subscribers()
    {
        var clock = new ManualClock(T0);
        var topology = new RingTopology([ClusterTopology.Create("c1", [new Node("10.0.0.1", "c1", "dc1", "r1", NodeStatus.Up, NodeState.Normal, Guid.NewGuid())])]);
        yield return new PlainConsoleObserver(TextWriter.Null, ipLabel: true, verbose: 1, clock, HostOrder.Of(topology));
        yield return new LiveConsoleObserver(new LiveViewModel(topology, ["10.0.0.1"], T0), clock);
        yield return new JobLogObserver(new LoggerConfiguration().CreateLogger());
        yield return new NdjsonEventWriter(TextWriter.Null, ownsWriter: false);
    }

    private sealed record NotYetHandledEvent(DateTimeOffset Time, string JobId) : JobEvent(Time, JobId)
    {
        public override string Type => "not-yet-handled";
    }
}
