using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Arguments;

/// <summary>
/// Fifty mistakes an operator makes on the command line: each is refused before any SSH with exit 2 and a few
/// lines (the error naming the flag, the usage line, where the help is) — never a page of help.
/// </summary>
public sealed class TypicalMistakesTests
{
    private const string Seed = "127.0.0.1";

    public static TheoryData<string, string[], string> Mistakes => new()
    {
        { "cstar", ["run", "--stratgy", "one", "--command", "x", "--seed-host", Seed], "did you mean `--strategy`?" },
        { "cstar", ["run", "--strategy", "topolgy", "--command", "x", "--seed-host", Seed], "did you mean `topology`?" },
        { "cstar", ["run", "--strategy=rnd", "--command", "x", "--seed-host", Seed], "--strategy" },
        { "cstar", ["run", "--strat", "one", "--command", "x", "--seed-host", Seed], "did you mean `--strategy`?" },
        { "cstar", ["run", "--stop-after", "abc", "--command", "x", "--seed-host", Seed], "--stop-after" },
        { "cstar", ["run", "--stop-after", "0", "--command", "x", "--seed-host", Seed], "--stop-after" },
        { "cstar", ["run", "-j", "0", "--command", "x", "--seed-host", Seed], "--max-concurrency" },
        { "cstar", ["run", "--max-concurrency", "-3", "--command", "x", "--seed-host", Seed], "--max-concurrency" },
        { "cstar", ["run", "-jx", "--command", "x", "--seed-host", Seed], "--max-concurrency" },
        { "cstar", ["run", "--timeout", "5x", "--command", "x", "--seed-host", Seed], "--timeout" },
        { "cstar", ["run", "--timeout", "0s", "--command", "x", "--seed-host", Seed], "--timeout" },
        { "cstar", ["run", "--wait-timeout", "forever", "--command", "x", "--seed-host", Seed], "--wait-timeout" },
        { "cstar", ["run", "--ssh-alive-timeout", "10q", "--command", "x", "--seed-host", Seed], "--ssh-alive-timeout" },
        { "cstar", ["run", "--estimate-per-host", "soon", "--command", "x", "--seed-host", Seed], "--estimate-per-host" },
        { "cstar", ["run", "--ssh-port", "0", "--command", "x", "--seed-host", Seed], "--ssh-port" },
        { "cstar", ["run", "--ssh-port", "70000", "--command", "x", "--seed-host", Seed], "--ssh-port" },
        { "cstar", ["run", "--ssh-port", "99999999999", "--command", "x", "--seed-host", Seed], "--ssh-port" },
        { "cstar", ["run", "--cql-port", "-1", "--command", "x", "--seed-host", Seed], "--cql-port" },
        { "cstar", ["run", "--keep-consistency", "QUOROM", "--command", "x", "--seed-host", Seed], "did you mean `QUORUM`?" },
        { "cstar", ["run", "--keep-consistency", "local", "--command", "x", "--seed-host", Seed], "--keep-consistency" },
        { "cstar", ["run", "--output", "yaml", "--command", "x", "--seed-host", Seed], "--output" },
        { "cstar", ["run", "--ssh-lib", "libssh", "--command", "x", "--seed-host", Seed], "--ssh-lib" },
        { "cstar", ["run", "--ssh-identity-file", "/nonexistent/key", "--command", "x", "--seed-host", Seed], "--ssh-identity-file" },
        { "cstar", ["run", "--host-file", "/nonexistent/hosts", "--command", "x"], "--host-file" },
        { "cstar", ["run", "--hosts-variables", "/nonexistent.json", "--command", "x", "--seed-host", Seed], "--hosts-variables" },
        { "cstar", ["run", "--ssh-config", "/nonexistent/config", "--command", "x", "--seed-host", Seed], "--ssh-config" },
        { "cstar", ["run", "--enforced-job-id", "123", "--command", "x", "--seed-host", Seed], "--enforced-job-id" },
        { "cstar", ["run", "--one", "--all", "--command", "x", "--seed-host", Seed], "--one" },
        { "cstar", ["run", "--dc-parallel", "--dc-serial", "--command", "x", "--seed-host", Seed], "--dc-parallel" },
        { "cstar", ["run", "--cluster-parallel", "--cluster-serial", "--command", "x", "--seed-host", Seed], "--cluster-parallel" },
        { "cstar", ["run", "--dry-run=yes", "--command", "x", "--seed-host", Seed], "--dry-run" },
        { "cstar", ["run", "--verbose=2", "--command", "x", "--seed-host", Seed], "--verbose" },
        { "cstar", ["run", "--command", "x", "--seed-host"], "--seed-host" },
        { "cstar", ["run", "--command", "x"], "--seed-host" },
        { "cstar", ["run", "--seed-host", Seed], "--command" },
        { "cstar", ["run", "--command", "x", "stray/word", "--seed-host", Seed], "stray/word" },
        { "cstar", ["run", "--max-failures", "-1", "--command", "x", "--seed-host", Seed], "--max-failures" },
        { "cstar", ["run", "--max-pending-compactions", "0", "--command", "x", "--seed-host", Seed], "--max-pending-compactions" },
        { "cstar", ["run", "--node-done-pause-time", "soon", "--command", "x", "--seed-host", Seed], "--node-done-pause-time" },
        { "cstar", ["run", "--ssh-password", "hunter2", "--command", "x", "--seed-host", Seed], "--ssh-password" },
        { "cstar", ["run", "-x", "--command", "x", "--seed-host", Seed], "-x" },
        { "cstar", ["run", "--command", "x", "--seed-host", Seed, "--dc-order"], "--dc-order" },
        { "cstar", ["run", "--command", "x", "--seed-host", Seed, "--dc-order", "dc2,dc1,dc2"], "names DC dc2 twice" },
        { "cstar", ["ring", "--stop-after", "1", "--seed-host", Seed], "--stop-after" },
        { "cstar", ["ring", "--seed-hots", Seed], "did you mean `--seed-host`?" },
        { "cstar", ["ring"], "--seed-host" },
        { "cstar", ["ring", "--output", "xml", "--seed-host", Seed], "--output" },
        { "cstar", ["jobs", "--follw"], "did you mean `--follow`?" },
        { "cstar", ["continue"], "job id" },
        { "cstar", ["jobs", "show"], "cstar jobs show <job-id>" },
        { "cstar", ["jobs", "shwo", "latest"], "not understood" },
        { "cstar", ["cleanup-jobs", "--max-job-age", "ten"], "--max-job-age" },
        { "cstar", ["demo", "--nodes", "many"], "--nodes" },
        { "cstar", ["restrat", "--seed-host", Seed], "did you mean `restart`?" },
        { "cstar", ["--seed-host", Seed, "run"], "--seed-host" },
        { "cstarpar", ["--seed-host", Seed], "needs a command" },
        { "cstarpar", ["--seed-host", Seed, "ssh", "{}", "x"], "after `--`" },
        { "cstarpar", ["--stratgy", "one", "--seed-host", Seed, "ssh {} x"], "did you mean `--strategy`?" },
        { "cstarpar", ["--strategy", "any", "--seed-host", Seed, "ssh {} x"], "--strategy" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_typical_mistake_is_refused_before_any_ssh_in_a_few_lines_with_exit_2(string program, string[] args, string named)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApplication.RunAsync(args, program == "cstarpar" ? CliFlavor.Cstarpar : CliFlavor.Cstar, stdout, stderr);

        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        code.Should().Be(2, stderr.ToString());
        lines.Should().HaveCountLessThan(5, stderr.ToString());
        stderr.ToString().Should().Contain(named);
        stdout.ToString().Should().BeEmpty("no help page for a mistake");
    }

    [Fact]
    public void There_are_at_least_fifty_mistakes()
    {
        Mistakes.Count.Should().BeGreaterThanOrEqualTo(50);
    }
}
