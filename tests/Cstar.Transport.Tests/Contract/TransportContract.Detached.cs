using System.Collections.Immutable;
using System.Text;
using Cstar.Core.Execution;
using Cstar.Core.Ports;
using Cstar.TestKit.Execution;
using Cstar.Transport.Detached;
using Cstar.Transport.Tests.Detached;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Contract;

/// <summary>The contract's part a detached run leans on: input with a streamed command, and how soon its end is seen.</summary>
public abstract partial class TransportContract
{
    [SkippableFact]
    public async Task Streaming_with_input_hands_the_command_every_byte_then_the_end_of_its_input()
    {
        var input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("line of input\n", 5000)));
        var chunks = new List<byte>();

        var exitCode = await Transport.RunStreamingAsync(
            Host, ["sh", "-c", "wc -c; exit 5"], input, (c, _) => { lock (chunks) { chunks.AddRange(c.Bytes.ToArray()); } return ValueTask.CompletedTask; }, Generous, Bounded());

        exitCode.Should().Be(5);
        Utf8([.. chunks]).Trim().Should().Be(input.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "wc saw the whole input, then its end");
    }

    [SkippableFact]
    public async Task A_per_host_timeout_that_comes_before_the_pid_reports_the_command_never_started_and_it_never_runs()
    {
        var directory = Directory.CreateTempSubdirectory("cstar-held-").FullName;
        var hold = Path.Combine(directory, "hold");
        var ran = Path.Combine(directory, "ran");
        await HeldStart.MakeFifoAsync(hold);
        // Every start holds after claiming the folder, before the pid: the timeout's kill always comes in that window.
        var runner = new DetachedHostRunner(new HeldStart.Transport(Transport, hold), new DetachedRunOptions
        {
            Folder = _ => Path.Combine(directory, "run"),
            Payload = _ => new RunPayload($"touch {ShellQuote.Quote(ran)}", new Dictionary<string, string>()),
            KillGracePeriod = TimeSpan.FromSeconds(1),
        });
        var request = new HostRunRequest(
            "job", Host, new HostPlacement(Host, "c1", "dc1", "r1"), false, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1.5),
            ImmutableDictionary<string, string>.Empty, new InMemoryHostOutputStore().Sink("job", Host), _ => { });

        var result = await runner.RunAsync(request, Bounded());
        await HeldStart.ReleaseAsync(hold);

        result.Should().Be(HostRunResult.TimedOut("timed out after 1.5 s before its command started: it was never started (its run folder is marked timed out, so it never will be)"));
        (await Cstar.TestKit.Ssh.ProcessTable.GoneAsync(directory, TimeSpan.FromSeconds(15))).Should().BeTrue("a wrapper let go after the kill ends without running the command");
        File.Exists(ran).Should().BeFalse();
        Directory.Delete(directory, recursive: true);
    }

    [SkippableFact]
    public async Task A_detached_run_sees_its_command_end_without_waiting_out_the_poll_interval()
    {
        var directory = Directory.CreateTempSubdirectory("cstar-end-").FullName;
        var outputs = new InMemoryHostOutputStore();
        var pids = new List<long>();
        var runner = new DetachedHostRunner(Transport, new DetachedRunOptions
        {
            Folder = _ => Path.Combine(directory, "run"),
            Payload = _ => new RunPayload("sleep 0.3; echo done", new Dictionary<string, string>()),
            PollInterval = TimeSpan.FromSeconds(60),
        });
        var request = new HostRunRequest(
            "job", Host, new HostPlacement(Host, "c1", "dc1", "r1"), false, DateTimeOffset.UtcNow, null,
            ImmutableDictionary<string, string>.Empty, outputs.Sink("job", Host), pids.Add);
        // Far less than one poll interval: only the command's end itself can end the run in time.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = await runner.RunAsync(request, bound.Token);

        result.Should().Be(HostRunResult.Exited(0));
        outputs.Out(Host).Should().Be("done\n", "the output written just before the end is collected too");
        runner.CommandsSent.Should().Be(1, "the bundle came with the command that started the run");
        pids.Should().Equal([long.Parse(File.ReadAllText(Path.Combine(directory, "run", "pid")), System.Globalization.CultureInfo.InvariantCulture)], "the pid reported is the wrapper's, as the run folder keeps it");
        Directory.Delete(directory, recursive: true);
    }
}
