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

/// <summary>
/// A per-host timeout whose kill cannot reach the host: never reported killed; the kill is sent again while the
/// reconnect window lasts; after it, the host is lost and its run folder kept, so a retry attaches, never runs it twice.
/// </summary>
public sealed class LocalDetachedTimeoutTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cstar-timeout-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly InMemoryHostOutputStore _outputs = new();
    private readonly ConcurrentQueue<HostUnreachable> _unreachable = new();

    public void Dispose()
    {
        if (File.Exists(Path.Combine(_dir, "h1", "pid")))
        {
            // The command the test left running on purpose: its whole group goes.
            var pid = int.Parse(File.ReadAllText(Path.Combine(_dir, "h1", "pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            System.Diagnostics.Process.Start("kill", ["-KILL", "--", $"-{pid}"]).WaitForExit();
        }

        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_kill_that_cannot_reach_the_host_leaves_it_lost_with_its_folder_kept_never_reported_killed()
    {
        var transport = new KillDroppingTransport(new LocalTransport(), drops: int.MaxValue);
        var runner = Runner(transport, TimeSpan.Zero);

        var result = await runner.RunAsync(Request(), CancellationToken.None);
        await runner.CleanupAsync(Request(), CancellationToken.None);

        result.Kind.Should().Be(HostRunResultKind.Lost);
        result.Reason.Should().StartWith("lost: timed out after 1 s and the kill could not be delivered to h1").And.Contain("may still run").And.Contain("is kept");
        transport.Cleanups.Should().Be(0, "the folder of a command that may still run stays for a retry to attach to");
        Directory.Exists(Path.Combine(_dir, "h1", "started.lock")).Should().BeTrue();
    }

    [Fact(Timeout = 30_000)]
    public async Task A_kill_whose_link_dropped_is_sent_again_and_then_reports_the_kill_it_saw()
    {
        var transport = new KillDroppingTransport(new LocalTransport(), drops: 1);
        var runner = Runner(transport, TimeSpan.FromMinutes(1));

        var result = await runner.RunAsync(Request(), CancellationToken.None);

        result.Should().Be(HostRunResult.TimedOut("timed out after 1 s: its process group was killed"));
        _unreachable.Should().ContainSingle().Which.Retrying.Should().Be("reconnecting to kill its timed-out command");
        transport.Kills.Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_host_lost_out_of_contact_keeps_its_run_folder_for_a_retry_to_attach_to()
    {
        var transport = new KillDroppingTransport(new LocalTransport(), drops: 0, dropAttaches: true);
        var runner = Runner(transport, TimeSpan.Zero);

        var result = await runner.RunAsync(Request(timeout: null), CancellationToken.None);
        await runner.CleanupAsync(Request(timeout: null), CancellationToken.None);

        result.Kind.Should().Be(HostRunResultKind.Lost);
        result.Reason.Should().StartWith("lost: no contact with h1");
        transport.Cleanups.Should().Be(0, "its command's end was not seen: it may still run");
    }

    private HostRunRequest Request(double? timeout = 1) => new(
        "job", "h1", new HostPlacement("h1", "c1", "dc1", "r1"), false, DateTimeOffset.UtcNow, timeout is { } t ? TimeSpan.FromSeconds(t) : null,
        ImmutableDictionary<string, string>.Empty, _outputs.Sink("job", "h1"), _ => { })
    {
        OnUnreachable = _unreachable.Enqueue,
    };

    private DetachedHostRunner Runner(IDetachedRunTransport transport, TimeSpan reconnectWindow) => new(
        transport,
        new DetachedRunOptions
        {
            Folder = r => Path.Combine(_dir, r.Host),
            Payload = _ => new RunPayload("sleep 60", new Dictionary<string, string>()),
            PollInterval = TimeSpan.FromMilliseconds(50),
            ReconnectWindow = reconnectWindow,
            KillGracePeriod = TimeSpan.FromSeconds(1),
        });

    /// <summary>The local transport, whose first <paramref name="drops"/> kill commands (and with <paramref name="dropAttaches"/>, every start) fail as a dropped SSH link would.</summary>
    private sealed class KillDroppingTransport(LocalTransport inner, int drops, bool dropAttaches = false) : IDetachedRunTransport
    {
        private int _kills;
        private int _cleanups;

        public int Kills => _kills;

        public int Cleanups => _cleanups;

        public Task<CommandResult> RunAsync(string host, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (argv[3] == "cstar-cleanup")
            {
                Interlocked.Increment(ref _cleanups);
            }

            if (argv[3] == "cstar-kill" && Interlocked.Increment(ref _kills) <= drops)
            {
                throw new TransportException(host, TransportFailureKind.Disconnected, $"{host}: connection reset");
            }

            return inner.RunAsync(host, argv, timeout, cancellationToken);
        }

        public Task<byte[]?> ReadFileAsync(string host, string path, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.ReadFileAsync(host, path, timeout, cancellationToken);

        public Task<int> RunStreamingAsync(string host, IReadOnlyList<string> argv, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.RunStreamingAsync(host, argv, onOutput, timeout, cancellationToken);

        public Task<int> RunStreamingAsync(
            string host, IReadOnlyList<string> argv, ReadOnlyMemory<byte> input, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken) =>
            dropAttaches
                ? throw new TransportException(host, TransportFailureKind.Disconnected, $"{host}: connection reset")
                : inner.RunStreamingAsync(host, argv, input, onOutput, timeout, cancellationToken);
    }
}
