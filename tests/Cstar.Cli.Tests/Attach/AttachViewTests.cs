using Cstar.Cli.Attach;
using Cstar.Cli.LiveView;
using Cstar.Core.Jobs;
using Cstar.JobStore.Events;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Attach;

public sealed class AttachViewTests
{
    private const string Id = "0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90";

    private static StoredEvent Event(string fields) =>
        StoredEventReader.Parse($"{{\"time\":\"2026-11-01T08:00:03Z\",\"jobId\":\"{Id}\",{fields}}}")!;

    [Fact]
    public void Known_events_read_as_sentences_and_an_unknown_type_shows_with_its_fields()
    {
        AttachedEventLines.Line(Event("\"type\":\"host-start\",\"host\":\"10.0.0.5\",\"attempt\":1,\"attach\":false")).Should().Be("[08:00:03] 10.0.0.5 started (attempt 1)");
        AttachedEventLines.Line(Event("\"type\":\"gate-pass\",\"host\":\"10.0.0.5\",\"waitedMs\":41000")).Should().Be("[08:00:03] 10.0.0.5 is back (after 41 s)");
        AttachedEventLines.Line(Event("\"type\":\"pause\",\"by\":\"alice\",\"reason\":\"peak hours\"")).Should().Be("[08:00:03] pause: by alice, reason peak hours");
    }

    [Fact]
    public void The_live_model_fed_from_events_shows_a_host_running_then_coming_back_then_done()
    {
        var job = new StoredJob(
            new JobDefinition(Id, "run", new CommandSource("x", null, "h"), [], "[]", HostSelection.FromSeeds("10.0.0.5"), null, ["c"], DateTimeOffset.UnixEpoch, RunnerKind.Remote),
            JobState.Running, null, null, [HostRunState.Pending("10.0.0.5"), HostRunState.Pending("10.0.0.6")]);
        var model = AttachedLiveModel.Create(job, plan: null);
        var states = new List<HostDisplayState>();

        foreach (var fields in new[]
        {
            "\"type\":\"host-start\",\"host\":\"10.0.0.5\",\"attempt\":1,\"attach\":false",
            "\"type\":\"gate-wait\",\"host\":\"10.0.0.5\",\"reason\":\"exit 0: waiting\"",
            "\"type\":\"host-finish\",\"host\":\"10.0.0.5\",\"state\":\"succeeded\",\"exitCode\":0",
        })
        {
            AttachedLiveModel.Apply(model, "job-1", Event(fields), lastWasStart: false);
            states.Add(model.StateOf("10.0.0.5"));
        }

        states.Should().Equal(HostDisplayState.Running, HostDisplayState.ComingBack, HostDisplayState.Done);
        model.Wave.Should().Be(1);
        model.StateOf("10.0.0.6").Should().Be(HostDisplayState.Waiting);
    }

    [Fact]
    public async Task Detach_with_confirm_is_refused_before_anything_starts()
    {
        var stderr = new StringWriter();

        var code = await CliApplication.RunAsync(["run", "--command", "true", "--host", "10.0.0.1", "--detach", "--confirm"], CliFlavor.Cstar, new StringWriter(), stderr);

        code.Should().Be(2, stderr.ToString());
        stderr.ToString().Should().Contain("--detach cannot be used with --confirm");
    }
}
