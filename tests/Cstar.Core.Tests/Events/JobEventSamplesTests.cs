using Cstar.TestKit.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Events;

public sealed class JobEventSamplesTests
{
    [Fact]
    public void Every_concrete_event_type_has_a_sample_so_every_subscriber_test_sees_it()
    {
        JobEventSamples.All.Select(e => e.GetType()).Should().BeEquivalentTo(JobEventSamples.ConcreteTypes, "a new event type needs one sample in JobEventSamples");
    }

    [Fact]
    public void Every_event_type_has_its_own_type_name()
    {
        JobEventSamples.All.Select(e => e.Type).Should().OnlyHaveUniqueItems();
    }
}
