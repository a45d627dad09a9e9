using System.Collections.Immutable;
using Cstar.Core.Jobs;
using Cstar.JobStore.Events;
using Cstar.JobStore.Tests.Support;
using Cstar.JobStore.Timeline;

namespace Cstar.JobStore.Tests.Timeline;

/// <summary>A three-host job in two DCs and its events, as NDJSON lines the runner writes, for the timeline tests.</summary>
internal static class TimelineFixture
{
    public const string Hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)> & \"quoted\"";

    public static readonly DateTimeOffset T0 = Jobs.T0;

    public static JobPlanRecord Plan { get; } = new(
        TimeSpan.FromMinutes(6),
        "a guess",
        [new JobPlanRecord.PlannedWave(1, ["10.0.0.1", "10.0.0.3"]), new JobPlanRecord.PlannedWave(2, ["10.0.0.2"])],
        [
            new JobPlanRecord.Placement("10.0.0.1", "prod", "dc1", "r1"),
            new JobPlanRecord.Placement("10.0.0.2", "prod", "dc1", "r2"),
            new JobPlanRecord.Placement("10.0.0.3", "prod", "dc2", "r1"),
        ]);

    /// <summary>Wave 1: .1 runs 60 s then comes back in 30 s; .3 fails at 40 s. A ring wait, a halt, a pause nobody here knows. .2 never starts.</summary>
    public static string[] EventLines { get; } =
    [
        Line(0, "job-start", "\"command\":\"restart\",\"hostCount\":3,\"resumed\":false"),
        Line(1, "host-start", "\"host\":\"10.0.0.1\",\"attempt\":1,\"attach\":false"),
        Line(1, "host-start", "\"host\":\"10.0.0.3\",\"attempt\":1,\"attach\":false"),
        Line(41, "host-finish", "\"host\":\"10.0.0.3\",\"state\":\"failed\",\"exitCode\":3,\"reason\":\"exit 3\",\"durationMs\":40000"),
        Line(41, "halt", "\"reason\":\"halted after 1 failure(s)\""),
        Line(50, "pause", "\"by\":\"alice\",\"reason\":\"" + Hostile.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""),
        Line(61, "gate-wait", "\"host\":\"10.0.0.1\",\"reason\":\"exit 0: waiting for 10.0.0.1 to be seen back\""),
        Line(70, "gate-wait", "\"host\":null,\"reason\":\"10.0.0.9 is down\""),
        Line(80, "gate-pass", "\"host\":null,\"waitedMs\":10000"),
        Line(91, "gate-pass", "\"host\":\"10.0.0.1\",\"waitedMs\":30000"),
        Line(91, "host-finish", "\"host\":\"10.0.0.1\",\"state\":\"succeeded\",\"exitCode\":0,\"reason\":null,\"durationMs\":90000"),
        Line(92, "job-end", "\"state\":\"halted\""),
    ];

    public static StoredJob Job()
    {
        var definition = Jobs.Definition(createdAt: T0);
        return new StoredJob(
            definition,
            JobState.Halted,
            "halted after 1 failure(s)",
            T0.AddSeconds(92),
            [
                new HostRunState("10.0.0.1", HostRunStateKind.Succeeded, 1, 11, 0, null, T0.AddSeconds(1), T0.AddSeconds(91)),
                HostRunState.Pending("10.0.0.2"),
                new HostRunState("10.0.0.3", HostRunStateKind.Failed, 1, 33, 3, "exit 3: " + Hostile, T0.AddSeconds(1), T0.AddSeconds(41)),
            ]);
    }

    public static JobTimeline Build(IEnumerable<string>? lines = null, JobPlanRecord? plan = null) =>
        TimelineBuilder.Build(new TimelineInputs(
            Job(), false, [.. (lines ?? EventLines).Select(l => StoredEventReader.Parse(l)!)], 0, plan ?? Plan, host => host == "10.0.0.3" ? Hostile : "ok", T0.AddHours(1)));

    public static ImmutableArray<TimelineSpan> Spans(JobTimeline timeline, string host) => timeline.Hosts.Single(h => h.Host == host).Spans;

    private static string Line(int second, string type, string fields) =>
        $"{{\"type\":\"{type}\",\"time\":\"{T0.AddSeconds(second):yyyy-MM-ddTHH:mm:ssZ}\",\"jobId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",{fields}}}";
}
