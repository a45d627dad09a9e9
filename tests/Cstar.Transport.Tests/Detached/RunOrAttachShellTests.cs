using System.Text;
using Cstar.Core.Ports;
using Cstar.Transport.Detached;
using Cstar.Transport.Local;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Detached;

/// <summary>
/// The run-or-attach script itself under the shells <c>sh</c> is on hosts: dash (Debian) and bash as sh (RHEL; bash
/// --posix behaves as bash started as sh). The bundle arrives on its input.
/// </summary>
public sealed class RunOrAttachShellTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cstar-roa-" + Guid.NewGuid().ToString("N")[..8]);

    public RunOrAttachShellTests() => Directory.CreateDirectory(_dir);

    public static TheoryData<string[]> Shells => new() { new[] { "dash" }, new[] { "bash", "--posix" } };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableTheory(Timeout = 30_000)]
    [MemberData(nameof(Shells))]
    public async Task The_end_of_a_command_it_started_is_seen_at_once_not_after_the_poll_interval(string[] shell)
    {
        SkipUnlessInstalled(shell[0]);
        var bundle = RunBundle.Build("sleep 0.3; echo done; exit 7", new Dictionary<string, string>());
        var (exit, stdout) = await RunAsync(shell, Argv(bundle.Length, TimeSpan.FromSeconds(60)), bundle);

        exit.Should().Be(DetachedScripts.ExitStatusNonZero, "status 7 is there to be read (the Theory's 30 s bound is half a poll interval)");
        stdout.Should().MatchRegex("^cstar-pid:[0-9]+\ndone\n$");
        File.ReadAllText(Path.Combine(_dir, "run", "status")).Should().Be("7\n");
    }

    [SkippableTheory(Timeout = 30_000)]
    [MemberData(nameof(Shells))]
    public async Task A_bundle_cut_short_on_its_way_is_never_run_and_leaves_the_folder_unstarted(string[] shell)
    {
        SkipUnlessInstalled(shell[0]);
        var marker = Path.Combine(_dir, "ran");
        var bundle = RunBundle.Build($"touch {ShellQuote.Quote(marker)}", new Dictionary<string, string> { ["SECRET"] = "s3cr3t" });
        var cut = bundle[..(bundle.Length - 20)];

        var (exit, _) = await RunAsync(shell, Argv(bundle.Length, TimeSpan.FromSeconds(1)), cut);

        exit.Should().Be(DetachedScripts.ExitBundleIncomplete);
        File.Exists(marker).Should().BeFalse();
        Directory.GetFileSystemEntries(Path.Combine(_dir, "run")).Should().BeEmpty("no lock, and no part of the bundle rests on the host");
    }

    [SkippableTheory(Timeout = 30_000)]
    [MemberData(nameof(Shells))]
    public async Task A_bundle_sent_to_a_folder_that_already_started_is_ignored_and_the_command_not_run_again(string[] shell)
    {
        SkipUnlessInstalled(shell[0]);
        var counter = Path.Combine(_dir, "count");
        var bundle = RunBundle.Build($"echo run >> {ShellQuote.Quote(counter)}", new Dictionary<string, string>());

        var first = await RunAsync(shell, Argv(bundle.Length, TimeSpan.FromSeconds(1)), bundle);
        var again = await RunAsync(shell, Argv(bundle.Length, TimeSpan.FromSeconds(1)), bundle);

        first.Exit.Should().Be(0);
        again.Exit.Should().Be(0);
        File.ReadAllLines(counter).Should().ContainSingle();
        File.Exists(Path.Combine(_dir, "run", "bundle")).Should().BeFalse();
    }

    [SkippableTheory(Timeout = 30_000)]
    [MemberData(nameof(Shells))]
    public async Task The_command_file_is_unpacked_byte_identical_whatever_quotes_and_substitutions_it_holds(string[] shell)
    {
        SkipUnlessInstalled(shell[0]);
        var script = string.Join('\n', HostileValues.All.Where(v => !v.Contains('\0', StringComparison.Ordinal)).Select(v => "# " + v.Replace('\n', ' '))) + "\necho 'it'\\''s' \"$(printf %s ok)\"\nexit 0\n";
        var bundle = RunBundle.Build(script, new Dictionary<string, string> { ["V"] = "a'b\\c$(id)" });

        var (exit, stdout) = await RunAsync(shell, Argv(bundle.Length, TimeSpan.FromSeconds(1)), bundle);

        exit.Should().Be(0);
        stdout.Should().EndWith("\nit's ok\n");
        File.ReadAllText(Path.Combine(_dir, "run", "command")).Should().Be(script);
    }

    private static void SkipUnlessInstalled(string shell) =>
        Skip.IfNot(new[] { "/bin", "/usr/bin" }.Any(d => File.Exists(Path.Combine(d, shell))), $"{shell} is not installed");

    private IReadOnlyList<string> Argv(int bundleLength, TimeSpan poll) => DetachedScripts.RunOrAttachArgv(Path.Combine(_dir, "run"), 0, 0, poll, bundleLength);

    private static async Task<(int Exit, string Stdout)> RunAsync(string[] shell, IReadOnlyList<string> argv, byte[] input)
    {
        await using var transport = new LocalTransport();
        var stdout = new StringBuilder();
        var exit = await transport.RunStreamingAsync(
            "local", [.. shell, .. argv.Skip(1)], input, (c, _) => { if (c.Stream == OutputStreamKind.StandardOutput) { stdout.Append(Encoding.UTF8.GetString(c.Bytes.Span)); } return ValueTask.CompletedTask; }, TimeSpan.FromSeconds(25), CancellationToken.None);
        return (exit, stdout.ToString());
    }
}
