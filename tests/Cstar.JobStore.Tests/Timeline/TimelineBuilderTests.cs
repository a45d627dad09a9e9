using Cstar.JobStore.Timeline;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Timeline;

public sealed class TimelineBuilderTests
{
    private static readonly DateTimeOffset T0 = TimelineFixture.T0;

    [Fact]
    public void A_host_runs_until_its_command_ends_then_waits_to_come_back_until_its_gate_passes()
    {
        var spans = TimelineFixture.Spans(TimelineFixture.Build(), "10.0.0.1");

        spans.Select(s => (s.Kind, s.From, s.To)).Should().Equal(
            (TimelineSpanKind.Running, T0.AddSeconds(1), T0.AddSeconds(61)),
            (TimelineSpanKind.ComingBack, T0.AddSeconds(61), T0.AddSeconds(91)));
    }

    [Fact]
    public void A_failed_host_gets_a_failure_marker_with_its_exit_and_is_marked_failed()
    {
        var host = TimelineFixture.Build().Hosts.Single(h => h.Host == "10.0.0.3");

        host.Failed.Should().BeTrue();
        host.Spans.Should().ContainSingle(s => s.Kind == TimelineSpanKind.Running && s.To == T0.AddSeconds(41));
        host.Markers.Should().ContainSingle(m => m.Failure && m.Label.StartsWith("failed (exit 3)", StringComparison.Ordinal));
    }

    [Fact]
    public void Host_starts_published_together_are_one_wave_and_a_host_that_never_started_has_no_bar()
    {
        var timeline = TimelineFixture.Build();

        timeline.Waves.Should().ContainSingle().Which.Hosts.Should().Equal("10.0.0.1", "10.0.0.3");
        timeline.Hosts.Single(h => h.Host == "10.0.0.2").Spans.Should().BeEmpty();
    }

    [Fact]
    public void A_gate_wait_without_a_host_holds_the_whole_job_and_a_gate_wait_before_a_start_holds_that_host()
    {
        var lines = TimelineFixture.EventLines.Append(
            """{"type":"gate-wait","time":"2026-11-01T08:02:00Z","jobId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","host":"10.0.0.2","reason":"compactions 7412 > 100"}""");
        var timeline = TimelineFixture.Build(lines);

        timeline.JobSpans.Should().ContainSingle(s => s.Kind == TimelineSpanKind.JobWait && s.From == T0.AddSeconds(70) && s.To == T0.AddSeconds(80));
        timeline.Hosts.Single(h => h.Host == "10.0.0.2").Spans.Should().ContainSingle(s => s.Kind == TimelineSpanKind.GateWait && s.From == T0.AddMinutes(2) && s.Label.Contains("7412"));
    }

    [Fact]
    public void An_event_type_the_report_does_not_know_becomes_a_marker_with_its_fields()
    {
        var timeline = TimelineFixture.Build();

        timeline.Markers.Should().ContainSingle(m => m.Type == "pause").Which.Label.Should().Contain("by alice");
        timeline.Markers.Select(m => m.Type).Should().Contain(["halt", "job-end"]);
    }

    [Fact]
    public void A_host_of_a_job_without_events_gets_one_bar_from_the_stored_start_and_end()
    {
        var timeline = TimelineFixture.Build(lines: []);

        TimelineFixture.Spans(timeline, "10.0.0.1").Should().ContainSingle().Which.Should().Match<TimelineSpan>(
            s => s.Kind == TimelineSpanKind.Running && s.From == T0.AddSeconds(1) && s.To == T0.AddSeconds(91) && !s.Open);
        timeline.EventCount.Should().Be(0);
    }

    [Fact]
    public void A_continue_that_reattaches_a_running_host_keeps_one_bar_and_is_marked()
    {
        var lines = new[]
        {
            TimelineFixture.EventLines[0], TimelineFixture.EventLines[1],
            """{"type":"job-start","time":"2026-11-01T08:00:30Z","jobId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","command":"restart","hostCount":3,"resumed":true}""",
            """{"type":"host-start","time":"2026-11-01T08:00:30Z","jobId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","host":"10.0.0.1","attempt":1,"attach":true}""",
            TimelineFixture.EventLines[6], TimelineFixture.EventLines[9], TimelineFixture.EventLines[10],
        };
        var timeline = TimelineFixture.Build(lines);

        TimelineFixture.Spans(timeline, "10.0.0.1").Select(s => s.Kind).Should().Equal(TimelineSpanKind.Running, TimelineSpanKind.ComingBack);
        TimelineFixture.Spans(timeline, "10.0.0.1")[0].From.Should().Be(T0.AddSeconds(1));
        timeline.Markers.Should().Contain(m => m.Type == "continue");
        timeline.Waves.Should().ContainSingle();
    }

    [Fact]
    public void Hosts_are_ordered_by_cluster_dc_and_rack_from_the_stored_plan()
    {
        TimelineFixture.Build().Hosts.Select(h => $"{h.Datacenter}/{h.Rack}/{h.Host}").Should().Equal("dc1/r1/10.0.0.1", "dc1/r2/10.0.0.2", "dc2/r1/10.0.0.3");
    }
}
