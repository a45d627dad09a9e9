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

    [SkippableTheory(Timeout = 30_000)]
    [MemberData(nameof(Shells))]
    public async Task A_kill_that_comes_after_the_start_was_claimed_but_before_the_pid_stops_the_command_for_good_and_says_so(string[] shell)
    {
        SkipUnlessInstalled(shell[0]);
        var ran = Path.Combine(_dir, "ran");
        var hold = Path.Combine(_dir, "hold");
        await HeldStart.MakeFifoAsync(hold);
        byte[] bundle = [.. RunBundle.Build($"touch {ShellQuote.Quote(ran)}; echo ran", new Dictionary<string, string> { ["SECRET"] = "s3cr3t" }), .. HeldStart.Line(hold)];
        var attach = RunAsync(shell, Argv(bundle.Length, TimeSpan.FromSeconds(1)), bundle);

        int kill;
        await using (var held = await HeldStart.HeldAsync(hold))
        {
            Directory.Exists(Path.Combine(_dir, "run", "started.lock")).Should().BeTrue("the wrapper claimed the start before the hold");
            File.Exists(Path.Combine(_dir, "run", "pid")).Should().BeFalse();
            kill = (await RunKillAsync(shell)).ExitCode;
            await held.WriteAsync("go\n"u8.ToArray());
        }

        var (exit, stdout) = await attach;

        kill.Should().Be(DetachedScripts.KillNeverStarted, "no pid yet: the kill stops the start instead of reporting a kill");
        exit.Should().Be(DetachedScripts.ExitNotStarted);
        stdout.Should().MatchRegex("^cstar-pid:[0-9]+\n$", "the wrapper wrote its pid, saw the timeout's mark and never ran the command");
        File.Exists(ran).Should().BeFalse("the command never ran");
        Directory.GetFiles(Path.Combine(_dir, "run")).Select(Path.GetFileName).Should().NotContain(["env", "bundle"], "no secret rests on the host");
    }

    [SkippableTheory(Timeout = 30_000)]
    [MemberData(nameof(Shells))]
    public async Task A_kill_sent_again_says_killed_again_and_a_kill_after_the_command_ended_reports_its_status_not_a_kill(string[] shell)
    {
        SkipUnlessInstalled(shell[0]);
        var running = RunBundle.Build("echo started; sleep 60", new Dictionary<string, string>());
        var attach = RunAsync(shell, Argv(running.Length, TimeSpan.FromSeconds(1)), running);
        (await Cstar.TestKit.Simulation.Eventually.HoldsAsync(() => Task.FromResult(File.Exists(Path.Combine(_dir, "run", "pid"))), TimeSpan.FromSeconds(20))).Should().BeTrue();

        var first = await RunKillAsync(shell);
        var again = await RunKillAsync(shell);
        await attach;
        var (exit, _) = await RunAsync(shell, DetachedScripts.RunOrAttachArgv(Path.Combine(_dir, "run"), 0, 0, TimeSpan.FromSeconds(1)), []);

        first.ExitCode.Should().Be(0, first.StandardError);
        again.ExitCode.Should().Be(0, "a kill re-sent after a dropped link finds the group already killed");
        exit.Should().Be(DetachedScripts.ExitTimedOut, "a later attach reports the kill");
        File.ReadAllText(Path.Combine(_dir, "run", "status")).Should().Be("124\n");

        Directory.Delete(Path.Combine(_dir, "run"), recursive: true);
        var ended = RunBundle.Build("exit 3", new Dictionary<string, string>());
        (await RunAsync(shell, Argv(ended.Length, TimeSpan.FromSeconds(1)), ended)).Exit.Should().Be(DetachedScripts.ExitStatusNonZero);
        var late = await RunKillAsync(shell);
        late.ExitCode.Should().Be(DetachedScripts.KillAlreadyEnded);
        late.StandardOutput.Should().Be("3\n");
    }

    private async Task<CommandResult> RunKillAsync(string[] shell)
    {
        await using var transport = new LocalTransport();
        var argv = DetachedScripts.KillArgv(Path.Combine(_dir, "run"), TimeSpan.FromSeconds(1));
        return await transport.RunAsync("local", [.. shell, .. argv.Skip(1)], TimeSpan.FromSeconds(25), CancellationToken.None);
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
