using System.Collections.Immutable;
using Cstar.Core.Execution;
using Cstar.TestKit.Execution;
using Cstar.Transport.Detached;
using Cstar.Transport.Local;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Detached;

/// <summary>
/// The detached wrapper when the command's end cannot be observed: its process gone without a status, a garbled or
/// empty status file. Never a success, never an exception; and no secret rests in the run folder.
/// </summary>
public sealed class LocalDetachedFaultTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cstar-detached-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly InMemoryHostOutputStore _outputs = new();

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private HostRunRequest Request(IReadOnlyDictionary<string, string>? env = null) => new(
        "job", "h1", new HostPlacement("h1", "c1", "dc1", "r1"), false, DateTimeOffset.UtcNow, null,
        (env ?? new Dictionary<string, string>()).ToImmutableDictionary(), _outputs.Sink("job", "h1"), _ => { });

    private DetachedHostRunner Runner(string script) => new(
        new LocalTransport(),
        new DetachedRunOptions { Folder = r => Path.Combine(_dir, r.Host), Payload = _ => new RunPayload(script, new Dictionary<string, string>()), PollInterval = TimeSpan.FromMilliseconds(50) });

    [Fact(Timeout = 30_000)]
    public async Task A_command_whose_process_is_gone_without_an_exit_status_on_the_same_boot_is_lost_not_rebooted_or_succeeded()
    {
        // The wrapper shell that would write the status is killed: the command's end is never recorded.
        var result = await Runner("echo start; kill -9 $PPID; sleep 0.2; echo end").RunAsync(Request(), CancellationToken.None);

        result.Kind.Should().Be(HostRunResultKind.Lost);
        result.Reason.Should().StartWith("lost: ").And.Contain("gone and left no exit status").And.Contain("did not reboot");
        _outputs.Out("h1").Should().StartWith("start\n");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("garbage", "holds 'garbage'")]
    [InlineData("", "holds ''")]
    public async Task A_garbled_or_empty_status_file_is_lost_with_its_content_never_an_exception(string status, string expected)
    {
        var script = $"echo start; printf '{status}' > status.tmp; mv -f status.tmp status; kill -9 $PPID; sleep 0.2";

        var result = await Runner(script).RunAsync(Request(), CancellationToken.None);

        result.Kind.Should().Be(HostRunResultKind.Lost);
        result.Reason.Should().StartWith("lost: the exit status of the command on h1 is unreadable").And.Contain(expected).And.Contain("6 bytes of stdout");
    }

    [Fact(Timeout = 30_000)]
    public async Task The_secret_env_file_and_the_bundle_are_deleted_before_the_command_starts_and_its_values_still_reach_it()
    {
        var env = new Dictionary<string, string> { ["SECRET_VALUE"] = "s3cr3t-value" };
        var script = "for f in env bundle; do [ -e \"$f\" ] && echo \"$f present\"; done; echo \"got ${#SECRET_VALUE} chars\"";

        var result = await Runner(script).RunAsync(Request(env), CancellationToken.None);

        result.Succeeded.Should().BeTrue();
        _outputs.Out("h1").Should().Be("got 12 chars\n");
        var left = Directory.GetFiles(Path.Combine(_dir, "h1")).Where(f => File.ReadAllText(f).Contains("s3cr3t-value", StringComparison.Ordinal));
        left.Should().BeEmpty("no file of the run folder holds the secret");
    }
}
