using System.Text.RegularExpressions;
using Cstar.Simulator;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Requirements;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// The bundled `repair` and `cleanup` commands and the back-pressure gate, run by the published cstar on a 3-host
/// loopback cluster (keyspace app, RF 3: every host is a replica of the others).
/// </summary>
[Trait("Category", "Loopback")]
public sealed class LongOperationCommandTests(BundledClusterFixture fixture) : IClassFixture<BundledClusterFixture>
{
    private LoopbackCluster Cluster => fixture.Cluster;

    private static string JobId(ProcessOutcome outcome) => Regex.Match(outcome.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;

    private Dictionary<string, List<string>> NodetoolCallsSince(int mark, string command) =>
        Cluster.Addresses.ToDictionary(
            a => a,
            a => Cluster.History.Events.Skip(mark).Where(e => e.Address == a && e.IsNodetool(command)).Select(e => string.Join('|', e.Args)).ToList());

    [SkippableFact(Timeout = 240_000)]
    public async Task Repair_runs_a_full_primary_range_repair_of_the_keyspace_given_on_every_node()
    {
        LoopbackRequirement.SkipUnlessAvailable();
        var mark = Cluster.History.Events.Count;

        var outcome = await CliOnLoopback.CstarAsync(Cluster, "repair", "--keyspace", "app", "--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        NodetoolCallsSince(mark, "repair").Values.Should().AllSatisfy(calls => calls.Should().Equal(["repair|-full|-pr|app"]));
        NodetoolCallsSince(mark, "compactionstats").Values.Should().AllSatisfy(calls => calls.Should().NotBeEmpty("the header turns the compaction gate on"));
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task An_incremental_repair_waits_while_a_replica_has_too_many_pending_compactions_and_shows_the_figures_in_the_console_log_and_events()
    {
        LoopbackRequirement.SkipUnlessAvailable();
        var busy = Cluster.Addresses[1];
        var ring = (SimulatedRing)Cluster.Ring;
        ring.AddPendingCompactions(busy, 600, tasksPerSecond: 0);
        var events = Path.Combine(Cluster.Directory, "repair-events.ndjson");
        var mark = Cluster.History.Events.Count;

        var run = CliOnLoopback.CstarAsync(
            Cluster, "repair", "--mode", "incremental", "--max-pending-compactions", "10", "--no-streaming",
            "--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store, "--events", events);
        var read = await Eventually.HoldsAsync(
            () => Task.FromResult(Cluster.History.Events.Skip(mark).Any(e => e.Address == busy && e.IsNodetool("compactionstats"))), TimeSpan.FromSeconds(100));
        ring.AddPendingCompactions(busy, 0, tasksPerSecond: 200);
        var outcome = await run;

        read.Should().BeTrue("the gate reads the busy replica's compactionstats before any start");
        outcome.ExitCode.Should().Be(0, outcome.ToString());
        NodetoolCallsSince(mark, "repair").Values.Should().AllSatisfy(calls => calls.Should().Equal(["repair|-pr"]));
        NodetoolCallsSince(mark, "netstats").Values.Should().AllSatisfy(calls => calls.Should().NotBeEmpty("--no-streaming reads netstats on every replica"));
        var lines = await File.ReadAllLinesAsync(events);
        var firstStart = Array.FindIndex(lines, l => l.Contains("\"type\":\"host-start\"", StringComparison.Ordinal));
        var firstWait = Array.FindIndex(lines, l => l.Contains("\"type\":\"back-pressure-wait\"", StringComparison.Ordinal));
        firstWait.Should().BeInRange(0, firstStart, "every host is a replica of the busy one: nothing starts before its figures fall");
        lines[firstWait].Should().MatchRegex($"{Regex.Escape(busy)}: [0-9]+ pending compactions \\(limit 10\\)");
        lines.Take(firstStart).Should().Contain(l => l.Contains("\"type\":\"back-pressure-pass\"", StringComparison.Ordinal));
        outcome.StandardOutput.Should().Contain("back-pressure holds its start: " + busy + ": ");
        var log = await File.ReadAllTextAsync(Path.Combine(fixture.Store, "jobs", JobId(outcome), "cstar.log"));
        log.Should().Contain("pending compactions (limit 10)");
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Cleanup_runs_nodetool_cleanup_with_the_jobs_and_keyspace_given_on_every_node()
    {
        LoopbackRequirement.SkipUnlessAvailable();
        var mark = Cluster.History.Events.Count;

        var outcome = await CliOnLoopback.CstarAsync(Cluster, "cleanup", "--jobs", "2", "--keyspace", "app", "--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store);

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        NodetoolCallsSince(mark, "cleanup").Values.Should().AllSatisfy(calls => calls.Should().Equal(["cleanup|-j|2|app"]));
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Repair_with_a_mode_that_is_not_full_or_incremental_fails_the_first_host_with_a_clear_message()
    {
        LoopbackRequirement.SkipUnlessAvailable();
        var mark = Cluster.History.Events.Count;

        var outcome = await CliOnLoopback.CstarAsync(Cluster, "repair", "--mode", "partial", "--seed-host", Cluster.Addresses[0], "--output-directory", fixture.Store, "-v");

        outcome.ExitCode.Should().Be(1, outcome.ToString());
        outcome.StandardOutput.Should().Contain("--mode must be full or incremental, not 'partial'");
        NodetoolCallsSince(mark, "repair").Values.Should().AllSatisfy(calls => calls.Should().BeEmpty());
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task A_pause_from_another_terminal_stops_new_starts_until_resume_and_both_are_in_the_events_with_who()
    {
        LoopbackRequirement.SkipUnlessAvailable();
        var jobId = Guid.NewGuid().ToString();
        var events = Path.Combine(Cluster.Directory, "pause-events.ndjson");
        var run = CliOnLoopback.CstarAsync(
            Cluster, "run", "--command", "sleep 1", "--one", "--enforced-job-id", jobId, "--seed-host", Cluster.Addresses[0],
            "--output-directory", fixture.Store, "--events", events);
        var started = await Eventually.HoldsAsync(
            () => Task.FromResult(File.Exists(events) && File.ReadAllText(events).Contains("\"type\":\"host-start\"", StringComparison.Ordinal)), TimeSpan.FromSeconds(100));

        var pause = await CliOnLoopback.CstarAsync(Cluster, "pause", jobId, "--reason", "test pause", "--output-directory", fixture.Store);
        var paused = await Eventually.HoldsAsync(
            () => Task.FromResult(File.ReadAllText(events).Contains("\"control\":\"pause\"", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        var startsWhenPaused = StartsIn(events);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var startsLater = StartsIn(events);
        var resume = await CliOnLoopback.CstarAsync(Cluster, "resume", jobId, "--output-directory", fixture.Store);
        var outcome = await run;

        started.Should().BeTrue();
        pause.ExitCode.Should().Be(0, pause.ToString());
        paused.Should().BeTrue("the runner applies the pause at its next decision");
        startsLater.Should().Be(startsWhenPaused, "no host starts while the job is paused");
        startsWhenPaused.Should().BeLessThan(Cluster.Addresses.Count);
        resume.ExitCode.Should().Be(0, resume.ToString());
        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var who = $"{Environment.UserName}@{Environment.MachineName}";
        File.ReadAllText(events).Should().Contain($"\"control\":\"pause\",\"value\":null,\"who\":\"{who}\",\"reason\":\"test pause\"")
            .And.Contain("\"control\":\"resume\"");
        outcome.StandardOutput.Should().Contain($"pause by {who} (test pause): took effect");
    }

    private static int StartsIn(string events) =>
        File.ReadAllLines(events).Count(l => l.Contains("\"type\":\"host-start\"", StringComparison.Ordinal));
}
