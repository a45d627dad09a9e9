using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// The published cstar with --detach on the loopback cluster: the runner goes on in its own session, `cstar jobs` shows
/// its progress, `cstar attach` follows it and leaves it running on Ctrl+C, and a runner killed with kill -9 is found
/// gone and resumed by continue without running a host twice. Each host's command waits for a gate file (bounded to
/// 60 s), so no assertion depends on timing.
/// </summary>
[Collection(Loopback.LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class DetachAttachTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [SkippableFact(Timeout = 300_000)]
    public async Task A_detached_job_runs_on_is_listed_with_its_progress_and_attach_follows_it_to_the_end_leaving_it_running_on_ctrl_c()
    {
        var (store, gate) = Folders();
        var started = await DetachAsync(store, gate);
        try
        {
            await WaitForAsync(store, "1 running");
            var listed = await CstarAsync("jobs", "--output-directory", store);
            using var first = StartAttach(store, started.JobId);
            await WaitForLineAsync(first, "started (attempt 1)");
            await SignalAsync(first.Id, "INT");
            var firstOut = await first.StandardOutput.ReadToEndAsync().WaitAsync(Bound);
            await first.WaitForExitAsync().WaitAsync(Bound);
            var stillRunning = await CstarAsync("jobs", "--output-directory", store);
            using var second = StartAttach(store, started.JobId);
            await File.WriteAllTextAsync(gate, "open");
            var secondOut = await second.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(180));
            await second.WaitForExitAsync().WaitAsync(Bound);

            started.Outcome.StandardOutput.Should().Contain("runs in the background").And.Contain("cstar attach " + started.JobId);
            listed.StandardOutput.Should().Contain("Running now:").And.MatchRegex($"{started.JobId}  run  0 done, 1 running, 2 pending; elapsed \\S+; eta \\? \\(no host finished yet\\)");
            first.ExitCode.Should().Be(0);
            firstOut.Should().Contain("Stopped watching job " + started.JobId).And.Contain("it goes on running");
            stillRunning.StandardOutput.Should().Contain("Running now:").And.Contain(started.JobId);
            second.ExitCode.Should().Be(0, secondOut);
            Regex.Count(secondOut, "started \\(attempt 1\\)").Should().Be(3, secondOut);
            secondOut.Should().Contain("run ended: finished").And.Contain($"Job {started.JobId} is finished");
        }
        finally
        {
            await File.WriteAllTextAsync(gate, "open");
            await EndRunnerAsync(started.Pid);
        }
    }

    [SkippableFact(Timeout = 300_000)]
    public async Task A_detached_runner_killed_with_kill_9_is_found_gone_and_continue_finishes_the_job_running_no_host_twice()
    {
        var (store, gate) = Folders();
        var started = await DetachAsync(store, gate);
        try
        {
            await WaitForAsync(store, "1 running");
            await SignalAsync(started.Pid, "KILL");
            var gone = await CstarAsync("jobs", "--output-directory", store);
            var attach = await CstarAsync("attach", started.JobId, "--output-directory", store);
            await File.WriteAllTextAsync(gate, "open");
            var resumed = await CstarAsync("continue", started.JobId, "--output-directory", store);
            var show = await CstarAsync("jobs", "show", started.JobId, "--output-directory", store);
            var reportFile = Path.Combine(store, "..", "report.html");
            var report = await CstarAsync("jobs", "report", started.JobId, "--html", reportFile, "--output-directory", store);

            gone.StandardOutput.Should().Contain("process gone");
            attach.ExitCode.Should().Be(4, attach.ToString());
            attach.StandardError.Should().Contain("its runner process is gone").And.Contain("cstar continue " + started.JobId);
            resumed.ExitCode.Should().Be(0, resumed.ToString());
            show.StandardOutput.Should().Contain("3/3 ok");
            report.ExitCode.Should().Be(0, report.ToString());
            var html = await File.ReadAllTextAsync(reportFile);
            Regex.Count(html, "class=\"row host-row\"").Should().Be(3, "one row per host, none failed");
            html.Should().Contain("data-type=\"continue\"").And.Contain("Estimate at creation:");
            foreach (var host in fixture.Cluster.Addresses)
            {
                (await File.ReadAllTextAsync(Path.Combine(store, "jobs", started.JobId, host, "out"))).Should().Be("ran\n", host + " ran exactly once");
            }
        }
        finally
        {
            await File.WriteAllTextAsync(gate, "open");
            await EndRunnerAsync(started.Pid);
        }
    }

    private (string Store, string Gate) Folders()
    {
        var folder = Path.Combine(fixture.Cluster.Directory, "detach-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return (Path.Combine(folder, "store"), Path.Combine(folder, "gate"));
    }

    private async Task<(ProcessOutcome Outcome, string JobId, int Pid)> DetachAsync(string store, string gate)
    {
        var command = $"i=0; while [ ! -e '{gate}' ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; echo ran";
        var outcome = await CliOnLoopback.CstarAsync(fixture.Cluster, "run", "--command", command, "--seed-host", fixture.Cluster.Addresses[0], "--one", "--output-directory", store, "--detach");
        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var match = Regex.Match(outcome.StandardOutput, "Job ([0-9a-f-]{36}) runs in the background \\(pid (\\d+)\\)");
        match.Success.Should().BeTrue(outcome.ToString());
        return (outcome, match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private Task<ProcessOutcome> CstarAsync(params string[] args) => CliOnLoopback.CstarAsync(fixture.Cluster, args);

    private async Task WaitForAsync(string store, string text)
    {
        var seen = await Eventually.HoldsAsync(async () => (await CstarAsync("jobs", "--output-directory", store)).StandardOutput.Contains(text, StringComparison.Ordinal), Bound);
        seen.Should().BeTrue($"cstar jobs should show '{text}'");
    }

    private static Process StartAttach(string store, string jobId)
    {
        var start = new ProcessStartInfo(PublishedCli.CstarAsync().GetAwaiter().GetResult()) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in (string[])["attach", jobId, "--output-directory", store])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TERM"] = "dumb";
        return Process.Start(start)!;
    }

    private static async Task WaitForLineAsync(Process process, string text)
    {
        while (await process.StandardOutput.ReadLineAsync().WaitAsync(Bound) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    /// <summary>Leaves no runner behind: waits for it to end (the gate is open), else kills it.</summary>
    private static async Task EndRunnerAsync(int pid)
    {
        try
        {
            using var runner = Process.GetProcessById(pid);
            using var bounded = new CancellationTokenSource(Bound);
            try
            {
                await runner.WaitForExitAsync(bounded.Token);
            }
            catch (OperationCanceledException)
            {
                runner.Kill(entireProcessTree: true);
            }
        }
        catch (ArgumentException)
        {
            // already gone
        }
    }
}
