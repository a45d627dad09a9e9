using System.Diagnostics;
using Cstar.Transport.Local;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Execution;

/// <summary>
/// Each wrapper that gives a local command SIGPIPE at its default, run as this (.NET, SIGPIPE ignored) process starts
/// it: a machine without GNU env 8.31 relies on the next one.
/// </summary>
public sealed class DefaultSigpipeTests
{
    public static TheoryData<int> Wrappers => new(Enumerable.Range(0, DefaultSigpipe.Candidates.Length));

    [SkippableTheory(Timeout = 30_000)]
    [MemberData(nameof(Wrappers))]
    public async Task A_wrapper_starts_its_command_with_sigpipe_at_its_default_and_a_missing_program_exits_127(int index)
    {
        var prefix = DefaultSigpipe.Candidates[index];
        Skip.IfNot(DefaultSigpipe.Works(prefix), $"{prefix[0]} cannot serve as the wrapper on this machine");

        var (exit, stderr) = await RunAsync([.. prefix, "sh", "-c", "(yes; echo \"writer ended $?\" >&2) | head -1 > /dev/null"]);
        var (missingExit, _) = await RunAsync([.. prefix, "cstar-no-such-program"]);

        exit.Should().Be(0);
        stderr.Should().Be("writer ended 141\n", "yes ends by SIGPIPE as in a terminal, without a 'Broken pipe' error");
        missingExit.Should().Be(127);
    }

    [Fact]
    public async Task This_test_process_starts_children_with_sigpipe_ignored_which_is_why_the_wrapper_exists()
    {
        var (_, stderr) = await RunAsync(["sh", "-c", "(yes; echo \"writer ended $?\" >&2) | head -1 > /dev/null"]);

        stderr.Should().EndWith("writer ended 1\n", ".NET ignores SIGPIPE and a child inherits that: if this changes, the wrapper can go");
    }

    private static async Task<(int Exit, string Stderr)> RunAsync(string[] argv)
    {
        var info = new ProcessStartInfo { FileName = argv[0], UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stderr);
    }
}
