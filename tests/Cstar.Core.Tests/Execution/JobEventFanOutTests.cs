using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

public sealed class JobEventFanOutTests
{
    private static readonly SchedulingPolicy One = SchedulingPolicy.Default with { MaxConcurrency = 1 };

    [Fact]
    public void Each_event_reaches_every_subscriber_in_the_order_given()
    {
        var order = new List<string>();
        var fanOut = new JobEventFanOut([new Named("view", order), new Named("log", order), new Named("events", order)]);

        fanOut.Publish(JobEventSamples.All[0]);

        order.Should().Equal("view", "log", "events");
    }

    [Fact]
    public void A_subscriber_that_throws_is_detached_and_the_others_are_told_and_keep_receiving()
    {
        var broken = new ThrowingSubscriber();
        var before = new RecordingSubscriber();
        var after = new RecordingSubscriber();
        var fanOut = new JobEventFanOut([before, broken, after]);

        foreach (var jobEvent in JobEventSamples.All)
        {
            fanOut.Publish(jobEvent);
        }

        broken.Calls.Should().Be(1, "after its first failure it gets no more events");
        fanOut.Attached.Should().Equal(before, after);
        var failed = after.Events.OfType<SubscriberFailedEvent>().Where(e => e.Subscriber == broken.Name).Should().ContainSingle().Subject;
        failed.FailedOn.Should().Be(JobEventSamples.All[0].Type);
        failed.Error.Should().Be("IOException: No space left on device");
        before.Events.OfType<SubscriberFailedEvent>().Should().ContainSingle(e => e.Subscriber == broken.Name);
        after.Events.Except(after.Events.OfType<SubscriberFailedEvent>().Where(e => e.Subscriber == broken.Name)).Should().Equal(JobEventSamples.All);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_job_whose_view_throws_on_every_event_ends_as_it_would_without_it()
    {
        var h = new RunnerHarness();
        var broken = new ThrowingSubscriber();
        h.OtherSubscribers.Add(broken);

        var outcome = await h.RunAsync(h.Request(One));

        outcome.State.Should().Be(JobState.Finished);
        outcome.Hosts.Succeeded.Should().Be(h.Ring.Addresses.Count());
        broken.Calls.Should().Be(1);
        h.Observer.Events.OfType<SubscriberFailedEvent>().Should().ContainSingle().Which.FailedOn.Should().Be(JobEventTypes.JobStart);
        h.Observer.Events.Last().Should().BeOfType<JobEndedEvent>();
    }

    private sealed class Named(string name, List<string> order) : Core.Ports.IJobEventSubscriber
    {
        public string Name => name;

        public void Handle(JobEvent jobEvent) => order.Add(name);
    }
}
