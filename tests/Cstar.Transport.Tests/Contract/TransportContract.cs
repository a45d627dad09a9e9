using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.TestKit.Execution;
using Cstar.TestKit.Ssh;
using Cstar.Transport.Detached;
using Cstar.Transport.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Contract;

/// <summary>
/// What every transport must do, run against each adapter (local, SSH.NET, OpenSSH). SSH-only behaviours
/// live in <see cref="SshTransportContract"/>.
/// </summary>
public abstract partial class TransportContract : IAsyncLifetime
{
    protected static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private CommandTransportBase? _transport;

    protected CommandTransportBase Transport => _transport ?? throw new InvalidOperationException("not initialized");

    protected abstract string Host { get; }

    public Task InitializeAsync()
    {
        _transport = CreateTransport(BaseOptions());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_transport is not null)
        {
            await _transport.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Exit_code_stdout_and_stderr_come_back_separately()
    {
        var result = await Transport.RunAsync(Host, ["sh", "-c", "echo out; echo err >&2; exit 3"], Generous, Bounded());
        result.Should().Be(new CommandResult(3, "out\n", "err\n"));
    }

    [SkippableFact]
    public async Task Five_megabytes_of_output_arrive_whole()
    {
        var result = await Transport.RunAsync(Host, ["sh", "-c", "head -c 5242880 /dev/zero | tr '\\000' a"], Generous, Bounded());
        result.ExitCode.Should().Be(0);
        result.StandardOutput.Length.Should().Be(5 * 1024 * 1024);
        result.StandardOutput.Should().NotContain("b");
    }

    [SkippableFact]
    public async Task A_command_starts_with_sigpipe_at_its_default_so_a_pipeline_reader_that_stops_early_ends_its_writer_quietly()
    {
        // As in a terminal: 'yes | head -1' ends yes by SIGPIPE (status 141, nothing on stderr), not by an EPIPE error.
        var result = await Transport.RunAsync(Host, ["sh", "-c", "grep '^SigIgn:' /proc/self/status >&2; (yes; echo \"writer ended $?\" >&2) | head -1"], Generous, Bounded());
        result.StandardOutput.Should().Be("y\n");
        var ignored = Convert.ToUInt64(result.StandardError.Split('\n')[0].Split('\t')[^1], 16);
        (ignored & (1UL << 12)).Should().Be(0UL, "SIGPIPE (13) is not ignored in the command: {0}", result.StandardError);
        result.StandardError.Should().EndWith("writer ended 141\n", "yes ended by SIGPIPE, with no 'Broken pipe' error");
    }

    [SkippableFact]
    public async Task Bytes_that_are_not_utf8_are_replaced_not_fatal()
    {
        var result = await Transport.RunAsync(Host, ["printf", "\\377\\376abc"], Generous, Bounded());
        result.StandardOutput.Should().EndWith("abc").And.Contain("\uFFFD");
    }

    [SkippableFact]
    public async Task Hostile_arguments_arrive_byte_identical()
    {
        var values = HostileValues.All;
        var result = await Transport.RunAsync(Host, ["printf", "%s\\0", .. values], Generous, Bounded());
        result.ExitCode.Should().Be(0, result.StandardError);
        result.StandardOutput.Split('\0')[..^1].Should().Equal(values);
        File.Exists("/tmp/cstar-pwned").Should().BeFalse();
    }

    [SkippableFact]
    public async Task A_timed_out_command_fails_promptly_and_its_process_group_is_killed()
    {
        var marker = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Connect first: a command that times out before it even started on the host has no pid to kill (see OpenSshTransport).
        (await Transport.RunAsync(Host, ["true"], Generous, Bounded())).ExitCode.Should().Be(0);
        var clock = Stopwatch.StartNew();
        var run = () => Transport.RunAsync(Host, ["sh", "-c", $"sleep 913.{marker} & sleep 914.{marker}; echo never"], TimeSpan.FromSeconds(1.5), Bounded());
        (await run.Should().ThrowAsync<TransportException>()).Which.Kind.Should().Be(TransportFailureKind.Timeout);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
        (await ProcessTable.GoneAsync($"913.{marker}", TimeSpan.FromSeconds(15))).Should().BeTrue("the background child of the timed-out command is killed with its group");
        (await ProcessTable.GoneAsync($"914.{marker}", TimeSpan.FromSeconds(15))).Should().BeTrue("the timed-out command is killed");
    }

    [SkippableFact]
    public async Task A_cancelled_command_is_killed_and_reports_cancellation()
    {
        var marker = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await Transport.RunAsync(Host, ["true"], Generous, Bounded())).ExitCode.Should().Be(0);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var run = () => Transport.RunAsync(Host, ["sleep", $"915.{marker}"], Generous, cancel.Token);
        await run.Should().ThrowAsync<OperationCanceledException>();
        // Over SSH the remote end learns of the cancellation asynchronously (the session closes, sshd hangs it up): wait for that, bounded.
        (await ProcessTable.GoneAsync($"915.{marker}", TimeSpan.FromSeconds(15))).Should().BeTrue("the cancelled command must be killed");
    }

    [SkippableFact]
    public async Task Twenty_concurrent_commands_on_one_host_all_succeed()
    {
        var runs = Enumerable.Range(0, 20).Select(i => Transport.RunAsync(Host, ["sh", "-c", "sleep 0.3; echo $1", "x", i.ToString(System.Globalization.CultureInfo.InvariantCulture)], Generous, Bounded()));
        var results = await Task.WhenAll(runs);
        results.Select(r => r.StandardOutput.Trim()).Should().Equal(Enumerable.Range(0, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [SkippableFact]
    public async Task A_file_on_the_host_reads_back_identical_and_a_missing_one_as_null()
    {
        // Every contract host is this machine (loopback sshd or local): the file is put there directly.
        var directory = Directory.CreateTempSubdirectory("cstar-files-").FullName;
        var path = Path.Combine(directory, "job dir", "it's a script");
        var content = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, content);
        (await Transport.ReadFileAsync(Host, path, Generous, Bounded())).Should().Equal(content);
        (await Transport.ReadFileAsync(Host, path + ".missing", Generous, Bounded())).Should().BeNull();
        Directory.Delete(directory, recursive: true);
    }

    [SkippableFact]
    public async Task Streaming_hands_over_output_while_returning_the_exit_code()
    {
        var chunks = new List<OutputBytes>();
        var exitCode = await Transport.RunStreamingAsync(Host, ["sh", "-c", "echo one; echo two >&2; echo three; exit 4"], (c, _) => { lock (chunks) { chunks.Add(c with { Bytes = c.Bytes.ToArray() }); } return ValueTask.CompletedTask; }, Generous, Bounded());
        exitCode.Should().Be(4);
        string Text(OutputStreamKind kind) => Utf8([.. chunks.Where(c => c.Stream == kind).SelectMany(c => c.Bytes.ToArray())]);
        Text(OutputStreamKind.StandardOutput).Should().Be("one\nthree\n");
        Text(OutputStreamKind.StandardError).Should().Be("two\n");
    }

    [Fact]
    public async Task A_detached_run_stores_out_and_err_byte_exact_with_invalid_utf8_and_nuls()
    {
        var directory = Directory.CreateTempSubdirectory("cstar-bytes-").FullName;
        // The command writes bytes that are not UTF-8 (and NULs, and a multi-byte character cut in half at the
        // end) to both streams, and computes their sha256 on the host side.
        const string script = """
            { printf 'a\000\377\376b\300\n'; head -c 300000 /dev/urandom; printf '\342\202'; } > sent-out
            { printf '\000\200err\355\240\200'; head -c 70000 /dev/urandom; } > sent-err
            sha256sum < sent-out > sent-out.sha; sha256sum < sent-err > sent-err.sha
            cat sent-out; cat sent-err >&2
            """;
        var outputs = new InMemoryHostOutputStore();
        var runner = new DetachedHostRunner(Transport, new DetachedRunOptions
        {
            Folder = _ => Path.Combine(directory, "run"),
            Payload = _ => new RunPayload(script, new Dictionary<string, string>()),
            PollInterval = TimeSpan.FromMilliseconds(50),
        });
        var request = new HostRunRequest(
            "job", Host, new HostPlacement(Host, "c1", "dc1", "r1"), false, DateTimeOffset.UtcNow, null,
            ImmutableDictionary<string, string>.Empty, outputs.Sink("job", Host), _ => { });

        (await runner.RunAsync(request, Bounded())).Should().Be(HostRunResult.Exited(0));

        string HostSideSha(string file) => File.ReadAllText(Path.Combine(directory, "run", file)).Split(' ')[0];
        string LocalSha(OutputChannel channel) => Convert.ToHexStringLower(SHA256.HashData(outputs.Bytes(Host, channel)));
        outputs.Bytes(Host, OutputChannel.Out).Length.Should().Be(300_009);
        LocalSha(OutputChannel.Out).Should().Be(HostSideSha("sent-out.sha"));
        LocalSha(OutputChannel.Err).Should().Be(HostSideSha("sent-err.sha"));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Output_written_while_the_follower_reads_it_reaches_out_whole_and_leaves_err_empty()
    {
        var directory = Directory.CreateTempSubdirectory("cstar-growing-").FullName;
        // Twenty bursts of 1 MB: the file keeps growing while the follower copies it (a head cut short makes tail complain).
        const string script = "for i in $(seq 1 20); do yes 'growing output line' 2>/dev/null | head -c 1000000; sleep 0.03; done";
        var outputs = new InMemoryHostOutputStore();
        var runner = new DetachedHostRunner(Transport, new DetachedRunOptions
        {
            Folder = _ => Path.Combine(directory, "run"),
            Payload = _ => new RunPayload(script, new Dictionary<string, string>()),
            PollInterval = TimeSpan.FromMilliseconds(20),
        });
        var request = new HostRunRequest(
            "job", Host, new HostPlacement(Host, "c1", "dc1", "r1"), false, DateTimeOffset.UtcNow, null,
            ImmutableDictionary<string, string>.Empty, outputs.Sink("job", Host), _ => { });

        (await runner.RunAsync(request, Bounded())).Should().Be(HostRunResult.Exited(0));

        outputs.Err(Host).Should().BeEmpty();
        outputs.Bytes(Host, OutputChannel.Out).Should().Equal(await File.ReadAllBytesAsync(Path.Combine(directory, "run", "out")));
        outputs.Bytes(Host, OutputChannel.Out).Length.Should().Be(20_000_000);
        Directory.Delete(directory, recursive: true);
    }

    protected static CancellationToken Bounded() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    protected virtual SshOptions BaseOptions() => new() { KillGracePeriod = TimeSpan.FromSeconds(1) };

    protected abstract CommandTransportBase CreateTransport(SshOptions options);

    protected static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
