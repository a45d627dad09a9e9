using Cstar.Cli.Jobs;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

public sealed class PlainConsoleObserverTests : IDisposable
{
    private const string Host = "10.0.0.1";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly StringWriter _output = new();

    public void Dispose() => _output.Dispose();

    private PlainConsoleObserver Observer(bool ipLabel, int verbose) => new(_output, ipLabel, verbose, new ManualClock(T0), HostOrder.ByAddress);

    private static HostOutputEvent Out(string text, string host = Host) => new(T0, "job-1", host, OutputStreamKind.StandardOutput, text);

    private static HostOutputEvent Err(string text, string host = Host) => new(T0, "job-1", host, OutputStreamKind.StandardError, text);

    private static HostChangedEvent Running(string host = Host) => new(T0, "job-1", host, HostRunStateKind.Running, false, 7, null, null);

    private static HostChangedEvent Ended(string host = Host) => new(T0, "job-1", host, HostRunStateKind.Running, true, 7, 0, "exit 0");

    private static HostChangedEvent Failed(string host = Host) => new(T0, "job-1", host, HostRunStateKind.Failed, false, 7, 3, "exit 3");

    private string[] Lines => _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Ip_label_prefixes_every_line_of_a_multi_line_chunk_and_of_stderr_with_the_host()
    {
        var observer = Observer(ipLabel: true, verbose: 0);

        observer.Handle(Out("one\ntwo\n"));
        observer.Handle(Err("oops\n"));

        Lines.Should().Equal($"{Host}: one", $"{Host}: two", $"{Host}: oops");
    }

    [Fact]
    public void Under_resolve_hostnames_host_lines_and_output_labels_name_the_host()
    {
        var observer = new PlainConsoleObserver(_output, ipLabel: true, verbose: 0, new ManualClock(T0), HostOrder.ByAddress, label: h => h == Host ? "node1.example" : h);

        observer.Handle(Running());
        observer.Handle(Out("hi\n"));
        observer.Handle(Failed());

        Lines[0].Should().EndWith("] node1.example started (pid 7)");
        Lines[1].Should().Be("node1.example: hi");
        Lines[2].Should().Contain("] node1.example FAILED: exit 3");
        _output.ToString().Should().NotContain(Host);
    }

    [Fact]
    public void Ip_label_prints_a_last_line_without_newline_when_the_command_ends()
    {
        var observer = Observer(ipLabel: true, verbose: 0);

        observer.Handle(Out("done, no newline"));
        observer.Handle(Ended());

        Lines[0].Should().Be($"{Host}: done, no newline");
        Lines[1].Should().EndWith($"{Host} ended: exit 0; waiting until its peers see it UN");
    }

    [Fact]
    public void Ip_label_prints_a_failed_hosts_last_stderr_line_without_newline()
    {
        var observer = Observer(ipLabel: true, verbose: 0);

        observer.Handle(Err("broken"));
        observer.Handle(Failed());

        Lines[0].Should().Be($"{Host}: broken");
        Lines[1].Should().EndWith($"{Host} FAILED: exit 3");
    }

    [Fact]
    public void Ip_label_keeps_a_half_line_of_stdout_apart_from_stderr_arriving_meanwhile()
    {
        var observer = Observer(ipLabel: true, verbose: 0);

        observer.Handle(Out("progress: 50"));
        observer.Handle(Err("warning: slow disk\n"));
        observer.Handle(Out("%\n"));

        Lines.Should().Equal($"{Host}: warning: slow disk", $"{Host}: progress: 50%");
    }

    [Fact]
    public void Ip_label_lines_of_two_hosts_interleave_whole_each_with_its_own_host()
    {
        var observer = Observer(ipLabel: true, verbose: 0);

        observer.Handle(Out("a1\na", "10.0.0.1"));
        observer.Handle(Out("b1\nb", "10.0.0.2"));
        observer.Handle(Out("2\n", "10.0.0.1"));
        observer.Handle(Out("2\n", "10.0.0.2"));

        Lines.Should().Equal("10.0.0.1: a1", "10.0.0.2: b1", "10.0.0.1: a2", "10.0.0.2: b2");
    }

    [Fact]
    public void Verbose_prints_a_hosts_output_once_when_its_command_ends_and_not_before()
    {
        var observer = Observer(ipLabel: false, verbose: 1);

        observer.Handle(Running());
        observer.Handle(Out("compacting\n"));
        var whileRunning = _output.ToString();
        observer.Handle(Ended());
        observer.Handle(new HostChangedEvent(T0, "job-1", Host, HostRunStateKind.Succeeded, false, 7, 0, null));
        observer.Handle(new GatePassEvent(T0, "job-1", Host, TimeSpan.FromSeconds(2)));

        whileRunning.Should().NotContain("compacting");
        _output.ToString().Split("compacting").Should().HaveCount(2, "the output is printed exactly once");
        Lines[^1].Should().EndWith($"{Host} back (2s after its command ended)");
    }

    [Fact]
    public void Without_verbose_a_hosts_output_is_not_printed()
    {
        var observer = Observer(ipLabel: false, verbose: 0);

        observer.Handle(Out("compacting\n"));
        observer.Handle(Failed());

        _output.ToString().Should().NotContain("compacting");
    }

    [Fact]
    public void Verbose_output_without_a_final_newline_does_not_swallow_the_next_line()
    {
        var observer = Observer(ipLabel: false, verbose: 1);

        observer.Handle(Out("no newline"));
        observer.Handle(Ended());
        observer.Handle(Running("10.0.0.2"));

        Lines.Should().HaveCount(3);
        Lines[1].Should().Be("no newline");
        Lines[2].Should().EndWith("10.0.0.2 started (pid 7)");
    }

    [Fact]
    public void An_unreachable_host_is_one_line_with_the_host_since_when_what_is_retried_and_when_it_is_given_up()
    {
        var observer = Observer(ipLabel: false, verbose: 0);
        var what = new HostUnreachable(T0.AddSeconds(30), T0, "reconnecting to follow its command", "Connection refused", T0.AddMinutes(10));

        observer.Handle(new HostUnreachableEvent(T0.AddSeconds(30), "job-1", Host, what));

        Lines.Should().ContainSingle().Which.Should()
            .Contain("10.0.0.1 unreachable since 12:00:00 UTC (30 s): reconnecting to follow its command")
            .And.Contain("gives the host up at 12:10:00 UTC (--reconnect-window)").And.Contain("Connection refused");
    }

    [Fact]
    public void Verbose_output_longer_than_it_keeps_shows_head_and_tail_and_says_what_it_cut_and_where_the_whole_is()
    {
        var observer = new PlainConsoleObserver(_output, ipLabel: false, verbose: 1, new ManualClock(T0), HostOrder.ByAddress, host => "/store/jobs/j1/" + host);
        var lines = Enumerable.Range(0, 20_000).Select(i => $"line {i:D6}\n").ToList(); // 12 characters each: 240,000 in all

        foreach (var chunk in lines.Chunk(100))
        {
            observer.Handle(Out(string.Concat(chunk)));
        }

        observer.Handle(Failed());

        var text = _output.ToString();
        text.Should().Contain("line 000000\n").And.Contain("line 019999\n", "the end of the output is the part that tells why it failed");
        var kept = 2 * Cli.Jobs.VerboseOutputBuffer.KeptChars;
        text.Should().Contain($"[... {240_000 - kept:N0} characters not shown; the full output is in /store/jobs/j1/{Host}/out and err ...]\n");
        text.Length.Should().BeLessThan(kept + 1000);
    }

    [Fact]
    public void Ip_label_prints_a_line_without_newline_longer_than_64_K_characters_in_labelled_pieces()
    {
        var observer = Observer(ipLabel: true, verbose: 0);

        observer.Handle(Out(new string('z', LineSplitter.MaxLineChars + 5)));
        observer.Handle(Err("half"));
        observer.Handle(Failed());

        Lines[0].Should().Be($"{Host}: " + new string('z', LineSplitter.MaxLineChars));
        Lines[1].Should().Be($"{Host}: zzzzz");
        Lines[2].Should().Be($"{Host}: half");
    }

    [Fact]
    public void Ip_label_work_on_a_two_megabyte_line_without_newline_is_linear_in_its_size()
    {
        var observer = new PlainConsoleObserver(TextWriter.Null, ipLabel: true, verbose: 0, new ManualClock(T0), HostOrder.ByAddress);
        var chunk = Out(new string('y', 2048));
        var before = GC.GetAllocatedBytesForCurrentThread();

        for (var i = 0; i < 1024; i++)
        {
            observer.Handle(chunk);
        }

        observer.Handle(Failed());

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(20L * 2 * 1024 * 1024, "gluing the half line to every chunk is quadratic: gigabytes here");
    }

    [Fact]
    public void A_host_reads_as_start_end_with_exit_and_duration_and_back_one_line_each()
    {
        var clock = new ManualClock(T0);
        var observer = new PlainConsoleObserver(_output, ipLabel: false, verbose: 0, clock, HostOrder.ByAddress);

        observer.Handle(new HostChangedEvent(T0, "job-1", Host, HostRunStateKind.Starting, false, null, null, null));
        observer.Handle(Running());
        observer.Handle(Ended() with { Time = T0.AddSeconds(90) });
        observer.Handle(new HostChangedEvent(T0.AddSeconds(95), "job-1", Host, HostRunStateKind.Succeeded, false, 7, 0, null));
        observer.Handle(new GatePassEvent(T0.AddSeconds(95), "job-1", Host, TimeSpan.FromSeconds(5)));

        Lines.Select(l => l[11..]).Should().Equal(
            $"{Host} started (pid 7)", $"{Host} ended: exit 0 after 1m30s; waiting until its peers see it UN", $"{Host} back (5s after its command ended)");
    }

    [Fact]
    public void A_gate_wait_is_printed_when_its_kind_of_reason_changes_not_at_each_poll()
    {
        var observer = Observer(ipLabel: false, verbose: 0);

        foreach (var status in new[]
        {
            $"{Host} is seen UN by 1 of 3 peers read; needs 2", $"{Host} is seen UN by 0 of 3 peers read; needs 2",
            $"{Host} is UN but its CQL port does not answer yet", $"{Host} is UN but its CQL port does not answer yet",
        })
        {
            observer.Handle(new GateEvent(T0, "job-1", Host, false, status, TimeSpan.FromSeconds(1)));
        }

        Lines.Select(l => l[11..]).Should().Equal(
            $"{Host} not back yet: seen UN by 1 of 3 peers read; needs 2", $"{Host} not back yet: UN but its CQL port does not answer yet");
    }

    [Fact]
    public void A_ring_wait_is_printed_once_not_again_as_the_schedulers_wait_with_the_same_reason()
    {
        var observer = Observer(ipLabel: false, verbose: 0);
        const string Down = "10.0.0.2 (run by this job) is back for a quorum of its peers but still down in the view of 10.0.0.11; no host starts until every view sees them up";

        observer.Handle(new GateEvent(T0, "job-1", null, true, "healthy", TimeSpan.Zero));
        observer.Handle(new GateEvent(T0, "job-1", null, false, Down, TimeSpan.Zero));
        observer.Handle(new DecisionEvent(T0, "job-1", new SchedulingDecision.Wait(Down, [])));
        observer.Handle(new GateEvent(T0, "job-1", null, false, Down, TimeSpan.FromSeconds(1)));
        observer.Handle(new GatePassEvent(T0, "job-1", null, TimeSpan.FromSeconds(2)));

        Lines.Select(l => l[11..]).Should().Equal("ring: healthy", "ring: waiting: " + Down, "ring: every node is back (after 2s)");
    }

    [Fact]
    public void A_wave_is_one_line_naming_its_hosts_in_order_and_waits_for_hosts_in_flight_are_not_repeated()
    {
        var observer = Observer(ipLabel: false, verbose: 0);

        observer.Handle(new DecisionEvent(T0, "job-1", new SchedulingDecision.Start(["10.0.0.10", "10.0.0.9"], "start 2 host(s); held back: 4 by topology conflict", [])));
        observer.Handle(new DecisionEvent(T0, "job-1", new SchedulingDecision.Wait("waiting for 2 running and 0 finished host(s) to come back; held back: 4 by topology conflict", [])));
        observer.Handle(new DecisionEvent(T0, "job-1", new SchedulingDecision.Skip(["10.0.0.5"], "down in the latest ring view; skipped because of --ignore-down-nodes")));
        observer.Handle(new HostChangedEvent(T0, "job-1", "10.0.0.5", HostRunStateKind.Skipped, false, null, null, "down in the latest ring view; skipped because of --ignore-down-nodes"));
        observer.Handle(new DecisionEvent(T0, "job-1", new SchedulingDecision.Start(["10.0.0.1"], "start 1 host(s): every remaining host fits", [])));

        Lines.Select(l => l[11..]).Should().Equal(
            "wave 1: 10.0.0.9, 10.0.0.10 (held back: 4 by topology conflict)",
            "10.0.0.5 skipped: down in the latest ring view; skipped because of --ignore-down-nodes",
            "wave 2: 10.0.0.1");
    }
}
