using System.Text;
using System.Text.RegularExpressions;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// The published cstar's job log (jobs/&lt;id&gt;/cstar.log) and what -v, -vv and --ip-label print, on one small
/// loopback cluster shared by the tests (each test has its own job store).
/// </summary>
[Trait("Category", "Loopback")]
public sealed class JobLogAndConsoleTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    private const string Secret = "L0g-s3cr3t-9a7e-pa55";
    private readonly string _store = Path.Combine(fixture.Cluster.Directory, "store-" + Guid.NewGuid().ToString("N"));

    private LoopbackCluster Cluster => fixture.Cluster;

    private static string JobId(ProcessOutcome outcome) => Regex.Match(outcome.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;

    /// <summary>What was printed while the job ran: stdout before the end-of-run summary (which groups every host's output).</summary>
    private static string DuringRun(ProcessOutcome outcome) => outcome.StandardOutput.Split("\n----------------")[0];

    private Task<ProcessOutcome> RunAsync(string command, params string[] flags) =>
        CliOnLoopback.CstarAsync(Cluster, ["run", "--command", command, "--seed-host", Cluster.Addresses[0], "--output-directory", _store, .. flags]);

    private string LogOf(string jobId) => File.ReadAllText(Path.Combine(_store, "jobs", jobId, "cstar.log"));

    [SkippableFact(Timeout = 240_000)]
    public async Task The_job_log_holds_the_start_every_hosts_transitions_and_the_end_and_continue_appends_to_it()
    {
        var canary = await RunAsync("hostname", "--one", "--stop-after", "1", "--reason", "CHG-7");
        var jobId = JobId(canary);
        var afterCanary = LogOf(jobId);
        var resumed = await CliOnLoopback.CstarAsync(Cluster, "continue", jobId, "--output-directory", _store);
        var show = await CliOnLoopback.CstarAsync(Cluster, "jobs", "show", jobId, "--output-directory", _store);

        canary.ExitCode.Should().Be(4, canary.ToString());
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        afterCanary.Should().Contain($"[INF] Job {jobId} starting: command run, 3 host(s)").And.Contain("reason CHG-7")
            .And.Contain("\"--stop-after\",\"1\"").And.Contain($"ended: StoppedAfter, exit code 4");
        var log = LogOf(jobId);
        log.Should().StartWith(afterCanary, "continue appends to the log of the first run");
        log[afterCanary.Length..].Should().Contain($"Job {jobId} continuing").And.Contain($"Job {jobId} ended: Finished, exit code 0");
        foreach (var host in Cluster.Addresses)
        {
            log.Should().Contain($"Host {host} Starting").And.Contain($"Host {host} Running pid=")
                .And.Contain($"Host {host} command-ended-awaiting-return").And.Contain($"Host {host} Succeeded");
        }

        show.StandardOutput.Should().Contain("Job log: " + Path.Combine(_store, "jobs", jobId, "cstar.log"));
        canary.StandardError.Should().NotContain(" INF ", "without -v the console gets only warnings the view does not print");
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task A_secret_argument_is_in_neither_the_job_log_nor_the_console_with_vv()
    {
        var commands = Path.Combine(Cluster.Directory, "operator-home", ".cstar", "commands");
        Directory.CreateDirectory(commands);
        await File.WriteAllTextAsync(Path.Combine(commands, "logsecret.sh"),
            "#!/bin/bash\n# C* strategy: all\n# C* argument: {\"option\":\"--db-password\",\"name\":\"DB_PASSWORD\",\"secret\":true}\n"
            + "# C* argument: {\"option\":\"--who\",\"name\":\"WHO\"}\n"
            + "[ -n \"$DB_PASSWORD\" ] && echo \"got a password for $WHO\"\n");

        var outcome = await CliOnLoopback.CstarAsync(
            Cluster, new Dictionary<string, string?> { ["DB_PASSWORD"] = Secret }, "logsecret", "--who", "ops-team",
            "--seed-host", Cluster.Addresses[0], "--output-directory", _store, "-vv");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.StandardOutput.Should().Contain("got a password for ops-team", "the script must receive the secret");
        outcome.StandardError.Should().Contain("DBG Decision Start", "-vv must show debug lines");
        var logFile = Path.Combine(_store, "jobs", JobId(outcome), "cstar.log");
        var logText = await File.ReadAllTextAsync(logFile);
        logText.Should().Contain("WHO=ops-team").And.Contain("DB_PASSWORD=<from environment DB_PASSWORD>");
        var logBytes = await File.ReadAllBytesAsync(logFile);
        var consoleBytes = Encoding.UTF8.GetBytes(outcome.StandardOutput + outcome.StandardError);
        foreach (var form in new[] { Encoding.UTF8.GetBytes(Secret), Encoding.Unicode.GetBytes(Secret), Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret))) })
        {
            logBytes.AsSpan().IndexOf(form).Should().Be(-1, "the job log must not hold the secret in any form");
            consoleBytes.AsSpan().IndexOf(form).Should().Be(-1, "the console must not show the secret in any form");
        }
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Verbose_prints_each_hosts_output_as_its_command_ends_and_without_it_only_the_summary_has_it()
    {
        var verbose = await RunAsync("echo \"out-of-$(hostname)\"; echo \"err-of-$(hostname)\" >&2", "--all", "-v");
        var quiet = await RunAsync("echo \"out-of-$(hostname)\"", "--all");

        verbose.ExitCode.Should().Be(0, verbose.ToString());
        quiet.ExitCode.Should().Be(0, quiet.ToString());
        var lines = DuringRun(verbose).Split('\n');
        foreach (var node in Cluster.Nodes)
        {
            var ended = Array.FindIndex(lines, l => l.Contains($"] {node.Address} ended: exit 0 after ", StringComparison.Ordinal) && l.EndsWith("; waiting until its peers see it UN", StringComparison.Ordinal));
            ended.Should().BeGreaterThanOrEqualTo(0, verbose.ToString());
            lines[(ended + 1)..(ended + 3)].Should().BeEquivalentTo(["out-of-" + node.HostName, "err-of-" + node.HostName], verbose.ToString());
        }

        DuringRun(quiet).Should().NotContain("out-of-", "without -v a host's output waits for the summary");
        quiet.StandardOutput.Should().Contain("out-of-" + Cluster.Nodes[0].HostName);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Ip_label_prefixes_every_output_line_of_each_host_with_the_host_stderr_and_a_last_line_without_newline_too()
    {
        var outcome = await RunAsync("printf 'first\\nsecond\\n'; echo oops >&2; printf 'no-newline'", "--all", "--ip-label");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var lines = DuringRun(outcome).Split('\n');
        foreach (var host in Cluster.Addresses)
        {
            lines.Should().Contain([$"{host}: first", $"{host}: second", $"{host}: oops", $"{host}: no-newline"], outcome.ToString());
            Array.IndexOf(lines, $"{host}: first").Should().BeLessThan(Array.IndexOf(lines, $"{host}: second"));
        }

        lines.Where(l => l.Contains("first", StringComparison.Ordinal) || l.Contains("no-newline", StringComparison.Ordinal))
            .Should().OnlyContain(l => Cluster.Addresses.Any(h => l.StartsWith(h + ": ", StringComparison.Ordinal)), "every printed output line carries its host");
    }
}
