using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Cstar.Integration.Tests.Loopback;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>The published cstar when its runner process goes away: jobs log --follow ends, and a job id printed is always one continue knows.</summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class RunnerGoneTests
{
    private static Task<LoopbackCluster> StartAsync() => LoopbackCluster.StartAsync(new LoopbackClusterOptions
    {
        Hosts = 3,
        RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(50), maxGossipDelay: TimeSpan.FromMilliseconds(200)),
    });

    private static async Task<Process> StartCstarAsync(LoopbackCluster cluster, string store, string command)
    {
        var home = Path.Combine(cluster.Directory, "operator-home");
        Directory.CreateDirectory(home);
        var start = new ProcessStartInfo(await PublishedCli.CstarAsync()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["run", "--command", command, "--seed-host", cluster.Addresses[0], "--one", "--output-directory", store, .. CliOnLoopback.SshFlags(cluster)])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = home;
        start.Environment["TERM"] = "dumb";
        return Process.Start(start)!;
    }

    private static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    private static async Task<string> JobIdLineAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            var match = Regex.Match(line, "Job id is ([0-9a-f-]{36})");
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        return string.Empty;
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Jobs_log_follow_ends_saying_the_runner_is_gone_and_how_to_continue_when_the_runner_was_killed()
    {
        await using var cluster = await StartAsync();
        var store = Path.Combine(cluster.Directory, "store");
        using var process = await StartCstarAsync(cluster, store, "echo started; sleep 60");
        var jobId = await JobIdLineAsync(process).WaitAsync(TimeSpan.FromSeconds(90));
        var rest = process.StandardOutput.ReadToEndAsync();
        var running = await Eventually.HoldsAsync(() => Task.FromResult(Regex.IsMatch(File.Exists(Log(store, jobId)) ? File.ReadAllText(Log(store, jobId)) : string.Empty, "Host (\\S+) Running")), TimeSpan.FromSeconds(60));
        var host = Regex.Match(File.ReadAllText(Log(store, jobId)), "Host (\\S+) Running").Groups[1].Value;
        await Eventually.HoldsAsync(() => Task.FromResult(File.Exists(Out(store, jobId, host)) && File.ReadAllText(Out(store, jobId, host)) == "started\n"), TimeSpan.FromSeconds(30));
        process.Kill();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await rest;

        var follow = await CliOnLoopback.CstarAsync(cluster, "jobs", "log", jobId, "--host", host, "--follow", "--output-directory", store);

        running.Should().BeTrue();
        follow.ExitCode.Should().Be(0, follow.ToString());
        follow.StandardOutput.Should().Be("started\n");
        follow.StandardError.Should().Contain("its runner process is gone").And.Contain($"{host} is running").And.Contain("cstar continue " + jobId);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task A_ctrl_c_right_after_the_job_id_is_printed_exits_4_and_continue_knows_the_job()
    {
        await using var cluster = await StartAsync();
        var store = Path.Combine(cluster.Directory, "store");
        using var process = await StartCstarAsync(cluster, store, "echo x >> ~/ran");
        var jobId = await JobIdLineAsync(process).WaitAsync(TimeSpan.FromSeconds(90));
        await SignalAsync(process, "STOP"); // frozen right after the id is printed
        var listed = await CliOnLoopback.CstarAsync(cluster, "jobs", "--output-directory", store);
        await SignalAsync(process, "INT");
        await SignalAsync(process, "CONT");
        var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var resumed = await CliOnLoopback.CstarAsync(cluster, "continue", jobId, "--output-directory", store);
        var runs = await Task.WhenAll(cluster.Addresses.Select(async a => (await cluster.SshAsync(a, "cat ~/ran 2>/dev/null | wc -l")).StandardOutput.Trim()));

        listed.StandardOutput.Should().Contain(jobId, "the job is in the store when its id is printed");
        process.ExitCode.Should().Be(4, rest);
        rest.Should().Contain("To resume, run cstar continue " + jobId);
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        runs.Should().AllBe("1");
    }

    private static string Log(string store, string jobId) => Path.Combine(store, "jobs", jobId, "cstar.log");

    private static string Out(string store, string jobId, string host) => Path.Combine(store, "jobs", jobId, host, "out");
}
