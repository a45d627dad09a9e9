using System.Collections.Concurrent;
using System.Collections.Immutable;
using Cstar.Core.Execution;
using Cstar.Core.Ports;
using Cstar.TestKit.Execution;
using Cstar.Transport.Detached;
using Cstar.Transport.Local;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Detached;

/// <summary>The detached attach-or-start wrapper over the local transport (what cstarpar uses), on this machine.</summary>
public sealed class LocalDetachedRunTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cstar-detached-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly InMemoryHostOutputStore _outputs = new();
    private readonly ConcurrentQueue<long> _pids = new();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>Gone, or a zombie waiting for init to reap it (it no longer runs).</summary>
    private static bool IsRunning(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') is false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private HostRunRequest Request(string host = "h1", bool attach = false, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? env = null) => new(
        "job", host, new HostPlacement(host, "c1", "dc1", "r1"), attach, DateTimeOffset.UtcNow, timeout,
        (env ?? new Dictionary<string, string>()).ToImmutableDictionary(), _outputs.Sink("job", host), _pids.Enqueue);

    private DetachedHostRunner Runner(string script) => new(
        new LocalTransport(),
        new DetachedRunOptions { Folder = r => Path.Combine(_dir, r.Host), Payload = _ => new RunPayload(script, new Dictionary<string, string>()), PollInterval = TimeSpan.FromMilliseconds(50) });

    [Fact(Timeout = 30_000)]
    public async Task A_detached_run_stores_stdout_and_stderr_apart_and_reports_its_exit_code_and_pid()
    {
        var result = await Runner("echo out-$CSTAR_HOST; echo err-line >&2; exit 3").RunAsync(Request(env: new Dictionary<string, string> { ["CSTAR_HOST"] = "h1" }), CancellationToken.None);

        result.Should().Be(HostRunResult.Exited(3));
        _outputs.Out("h1").Should().Be("out-h1\n");
        _outputs.Err("h1").Should().Be("err-line\n");
        _pids.Should().ContainSingle().Which.Should().BePositive();
    }

    [Fact(Timeout = 30_000)]
    public async Task Hostile_argument_values_reach_the_command_byte_identical_through_the_0600_env_file()
    {
        var values = HostileValues.All;
        var env = values.Select((v, i) => (Name: $"V{i}", Value: v)).ToDictionary(x => x.Name, x => x.Value);
        var script = string.Concat(values.Select((_, i) => $"printf '%s\\0' \"$V{i}\"\n"));

        var result = await Runner(script).RunAsync(Request(env: env), CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        _outputs.Out("h1").Split('\0')[..^1].Should().Equal(values);
        File.Exists(Path.Combine(_dir, "h1", "env")).Should().BeFalse("the values were read, then the file deleted before the command started");
        File.Exists("/tmp/cstar-pwned").Should().BeFalse();
    }

    [Fact(Timeout = 30_000)]
    public async Task Attaching_to_a_run_that_already_started_never_runs_the_command_twice()
    {
        var counter = Path.Combine(_dir, "count");
        var runner = Runner($"echo run >> {ShellQuote.Quote(counter)}; echo done");

        var first = await runner.RunAsync(Request(), CancellationToken.None);
        var again = await runner.RunAsync(Request(attach: true), CancellationToken.None);

        first.Succeeded.Should().BeTrue();
        again.Succeeded.Should().BeTrue();
        File.ReadAllLines(counter).Should().ContainSingle();
        _outputs.Out("h1").Should().Be("done\n", "the re-attach starts from the stored offset");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_per_host_timeout_kills_the_whole_process_group()
    {
        var childFile = Path.Combine(_dir, "child");
        var runner = Runner($"sleep 60 & echo $! > {ShellQuote.Quote(childFile)}; sleep 60");

        var result = await runner.RunAsync(Request(timeout: TimeSpan.FromSeconds(1.5)), CancellationToken.None);

        result.Should().Be(HostRunResult.TimedOut("timed out after 1.5 s: its process group was killed"));
        var child = File.ReadAllText(childFile).Trim();
        IsRunning(child).Should().BeFalse("the background child was in the killed process group");
    }

    [Fact(Timeout = 30_000)]
    public async Task Detaching_leaves_the_command_running_and_a_later_attach_collects_all_its_output()
    {
        var gate = Path.Combine(_dir, "go");
        var runner = Runner($"echo before; while [ ! -f {ShellQuote.Quote(gate)} ]; do sleep 0.05; done; echo after");
        using var detach = new CancellationTokenSource();
        var first = runner.RunAsync(Request(), detach.Token);
        while (_outputs.Out("h1").Length == 0)
        {
            await Task.Delay(20);
        }

        await detach.CancelAsync();
        var detached = async () => await first;
        await detached.Should().ThrowAsync<OperationCanceledException>();
        await File.WriteAllTextAsync(gate, "go");

        var result = await runner.RunAsync(Request(attach: true), CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        _outputs.Out("h1").Should().Be("before\nafter\n");
    }

    [Fact(Timeout = 30_000)]
    public async Task Cleanup_removes_the_run_folder()
    {
        var runner = Runner("true");
        await runner.RunAsync(Request(), CancellationToken.None);

        await runner.CleanupAsync(Request(), CancellationToken.None);

        Directory.Exists(Path.Combine(_dir, "h1")).Should().BeFalse();
        runner.CommandsSent.Should().Be(2, "run-or-attach (the bundle on its input), cleanup");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cstarpar_command_ends_a_pipeline_writer_by_a_quiet_sigpipe_as_a_terminal_does()
    {
        var runner = DetachedRunners.Local(new LocalTransport(), "sh -c '(yes; echo \"writer ended $?\" >&2) | head -1'", _dir);

        var result = await runner.RunAsync(Request(), CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        _outputs.Out("h1").Should().Be("y\n");
        _outputs.Err("h1").Should().Be("writer ended 141\n", "no 'Broken pipe' error: SIGPIPE is at its default in the command");
    }

    [Fact(Timeout = 30_000)]
    public async Task Cstarpar_substitutes_the_host_and_runs_the_argv_without_a_shell()
    {
        var runner = DetachedRunners.Local(new LocalTransport(), "printf '%s|%s|%s' {} \"{dc} $HOME\" ;id", _dir);

        var result = await runner.RunAsync(Request(host: "10.1.2.3"), CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        _outputs.Out("10.1.2.3").Should().Be("10.1.2.3|dc1 $HOME|;id");
    }
}
