using System.Text.Json;
using System.Text.Json.Nodes;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.JobStore.Events;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Events;

public sealed class EventStreamTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly MiniJsonSchema Schema = MiniJsonSchema.Load(Path.Combine(AppContext.BaseDirectory, "jobs-schema", "events.schema.json"));

    /// <summary>One sample of every event type of the stream; a new written type without a sample fails the coverage test below.</summary>
    public static readonly JobEvent[] Samples =
    [
        new JobStartedEvent(T, "job-1", "restart", ["prod-eu", "prod-us"], 12, Resumed: false),
        new HostStartedEvent(T, "job-1", "10.0.0.1", 1, Attach: false),
        new HostFinishedEvent(T, "job-1", "10.0.0.1", HostRunStateKind.DidNotComeBack, 0, "node not UN after 20 min", TimeSpan.FromSeconds(95.5)),
        new HostFinishedEvent(T, "job-1", "10.0.0.2", HostRunStateKind.Succeeded, 0, null, null),
        new GateWaitEvent(T, "job-1", null, "10.0.0.3 is down (DN)"),
        new GatePassEvent(T, "job-1", "10.0.0.4", TimeSpan.FromMinutes(2)),
        new JobHaltedEvent(T, "job-1", "host 10.0.0.1 did not come back"),
        new BackPressureWaitEvent(T, "job-1", "10.0.0.5", Returning: false, ["10.0.0.5: 7,412 pending compactions (limit 100), falling 310/h, about 23 h"], TimeSpan.FromMinutes(5)),
        new BackPressurePassEvent(T, "job-1", "10.0.0.5", Returning: true, TimeSpan.FromHours(23)),
        new JobControlEvent(T, "job-1", 7, Core.Jobs.Controls.JobControlKind.MaxConcurrency, "4", "alice@jump1", "compactions behind"),
        new JobControlEvent(T, "job-1", 8, Core.Jobs.Controls.JobControlKind.Pause, null, "bob@jump2", null),
        new JobEndedEvent(T, "job-1", JobState.StoppedAfter, HostCounts.Empty with { Succeeded = 3, Failed = 1 }),
    ];

    public static TheoryData<int> SampleIndexes() => [.. Enumerable.Range(0, Samples.Length)];

    [Theory]
    [MemberData(nameof(SampleIndexes))]
    public void Every_event_type_matches_the_published_schema(int index)
    {
        var line = NdjsonEventWriter.ToJson(Samples[index]);

        Schema.Validate(JsonDocument.Parse(line).RootElement).Should().BeEmpty(line);
        line.Should().StartWith($"{{\"type\":\"{Samples[index].Type}\",\"time\":\"2026-11-01T08:00:00+00:00\",\"jobId\":\"job-1\",");
    }

    [Fact]
    public void Every_event_type_the_writer_writes_has_a_sample()
    {
        var output = new StringWriter();
        using var writer = new NdjsonEventWriter(output, ownsWriter: false);
        foreach (var jobEvent in Cstar.TestKit.Execution.JobEventSamples.All)
        {
            writer.Handle(jobEvent);
        }

        var written = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString());
        written.Should().BeEquivalentTo(Samples.Select(s => s.Type).Distinct());
    }

    [Theory]
    [InlineData("jobId", null)]
    [InlineData("host", null)]
    [InlineData("exitCode", "\"zero\"")]
    [InlineData("state", "\"exploded\"")]
    [InlineData("time", "\"yesterday\"")]
    [InlineData("durationMs", "-5")]
    [InlineData("extra", "1")]
    public void The_schema_catches_a_missing_or_wrong_field(string property, string? replacement)
    {
        var node = JsonNode.Parse(NdjsonEventWriter.ToJson(Samples[2]))!.AsObject();
        if (replacement is null)
        {
            node.Remove(property);
        }
        else
        {
            node[property] = JsonNode.Parse(replacement);
        }

        Schema.Validate(JsonDocument.Parse(node.ToJsonString()).RootElement).Should().NotBeEmpty();
    }

    [Fact]
    public void The_writer_appends_one_flushed_line_per_event_to_a_file()
    {
        using var root = new TempRoot();
        var path = Path.Combine(root.Path, "events.ndjson");
        using (var writer = NdjsonEventWriter.Open(path, TextWriter.Null))
        {
            writer.Handle(Samples[0]);
            File.ReadAllLines(path).Should().HaveCount(1, "each event is flushed");
            writer.Handle(Samples[1]);
        }

        using (var resumed = NdjsonEventWriter.Open(path, TextWriter.Null))
        {
            resumed.Handle(Samples[^1]);
        }

        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString())
            .Should().Equal("job-start", "host-start", "job-end");
    }

    [Fact]
    public void A_dash_writes_to_standard_output_and_leaves_it_open()
    {
        var stdout = new StringWriter();
        using (var writer = NdjsonEventWriter.Open("-", stdout))
        {
            writer.Handle(Samples[4]);
        }

        stdout.Write("still open");
        stdout.ToString().Should().StartWith("{\"type\":\"gate-wait\"").And.EndWith("\nstill open");
    }
}
