using System.Diagnostics;
using System.Text.RegularExpressions;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>The published cstar and cstarpar running real jobs on real sshd hosts, as an operator would.</summary>
[Trait("Category", "Loopback")]
public sealed class RunVerbTests
{
    private static Task<LoopbackCluster> StartAsync(int hosts = 6, int datacenters = 2) => LoopbackCluster.StartAsync(new LoopbackClusterOptions
    {
        Hosts = hosts,
        Datacenters = datacenters,
        Racks = 3,
        RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(100), maxGossipDelay: TimeSpan.FromMilliseconds(500)),
    });

    private static string Store(LoopbackCluster cluster) => Path.Combine(cluster.Directory, "store");

    private static string JobId(ProcessOutcome outcome) => Regex.Match(outcome.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;

    /// <summary>How many times the command ran on each host, counted on the host side (each host has its own home).</summary>
    private static async Task<int[]> RunCountsAsync(LoopbackCluster cluster) =>
        await Task.WhenAll(cluster.Addresses.Select(async a =>
        {
            var count = await cluster.SshAsync(a, "cat ~/ran 2>/dev/null | wc -l");
            return int.Parse(count.StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }));

    [SkippableFact(Timeout = 240_000)]
    public async Task Run_executes_on_every_host_once_and_keeps_each_hosts_output_where_cstar_keeps_it()
    {
        await using var cluster = await StartAsync();

        var events = Path.Combine(cluster.Directory, "events.ndjson");
        var outcome = await CliOnLoopback.CstarAsync(
            cluster, "run", "--command", "echo x >> ~/ran; hostname", "--seed-host", cluster.Addresses[0], "--all", "--output-directory", Store(cluster),
            "--events", events, "--reason", "change CHG-42");

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        var jobId = JobId(outcome);
        (await RunCountsAsync(cluster)).Should().AllBeEquivalentTo(1);
        foreach (var node in cluster.Nodes)
        {
            var folder = Path.Combine(Store(cluster), "jobs", jobId, node.Address);
            (await File.ReadAllTextAsync(Path.Combine(folder, "out"))).Should().Be(node.HostName + "\n");
            (await File.ReadAllTextAsync(Path.Combine(folder, "status"))).Trim().Should().Be("0");
        }

        var remoteLeftovers = await cluster.SshAsync(cluster.Addresses[0], "ls -A ~/.cstar/remote-jobs/" + jobId + " 2>/dev/null | wc -l");
        remoteLeftovers.StandardOutput.Trim().Should().Be("0", "the remote run folder is removed once the result is recorded");
        var jobs = await CliOnLoopback.CstarAsync(cluster, "jobs", "--output-directory", Store(cluster));
        jobs.StandardOutput.Should().Contain(jobId).And.Contain("finished").And.Contain("6/6 ok").And.Contain("change CHG-42");
        var types = (await File.ReadAllLinesAsync(events))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("type").GetString())
            .ToList();
        types.First().Should().Be("job-start");
        types.Last().Should().Be("job-end");
        types.Count(t => t == "host-start").Should().Be(6);
        types.Count(t => t == "host-finish").Should().Be(6);
        types.Should().Contain("gate-wait").And.Contain("gate-pass");
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Stop_after_then_continue_finishes_the_job_without_running_any_host_twice()
    {
        await using var cluster = await StartAsync();
        string[] job = ["run", "--command", "echo x >> ~/ran", "--seed-host", cluster.Addresses[0], "--one", "--output-directory", Store(cluster)];

        var canary = await CliOnLoopback.CstarAsync(cluster, [.. job, "--stop-after", "2"]);
        var countsAfterCanary = await RunCountsAsync(cluster);
        var resumed = await CliOnLoopback.CstarAsync(cluster, "continue", JobId(canary), "--output-directory", Store(cluster));

        canary.ExitCode.Should().Be(4, canary.ToString());
        canary.StandardOutput.Should().Contain("To resume, run cstar continue " + JobId(canary));
        countsAfterCanary.Sum().Should().Be(2);
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        (await RunCountsAsync(cluster)).Should().AllBeEquivalentTo(1);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task A_failing_host_halts_the_job_with_a_non_zero_exit_and_nothing_new_starts()
    {
        await using var cluster = await StartAsync();
        var bad = cluster.Nodes[0].HostName;

        var outcome = await CliOnLoopback.CstarAsync(
            cluster, "run", "--command", $"echo x >> ~/ran; [ $(hostname) != {bad} ] || {{ echo broken >&2; exit 3; }}",
            "--seed-host", cluster.Addresses[0], "--one", "--output-directory", Store(cluster));

        outcome.ExitCode.Should().NotBe(0, outcome.ToString());
        outcome.StandardOutput.Should().Contain($"{cluster.Addresses[0]} FAILED").And.Contain("broken").And.Contain("halted");
        (await RunCountsAsync(cluster)).Sum().Should().BeLessThan(6);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Cstarpar_runs_a_local_command_per_host_with_the_host_substituted()
    {
        await using var cluster = await StartAsync();

        var outcome = await ProcessRunner.RunAsync(
            await PublishedCli.CstarparAsync(),
            ["--seed-host", cluster.Addresses[0], "--all", "--output-directory", Store(cluster), .. CliOnLoopback.SshFlags(cluster),
             "--", "ssh", "-F", cluster.SshConfigPath, "{}", "echo x >> ~/ran; hostname"],
            TimeSpan.FromSeconds(120));

        outcome.ExitCode.Should().Be(0, outcome.ToString());
        (await RunCountsAsync(cluster)).Should().AllBeEquivalentTo(1);
        foreach (var node in cluster.Nodes)
        {
            outcome.StandardOutput.Should().Contain(node.HostName);
        }
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task A_custom_command_from_the_users_commands_folder_runs_with_its_argument_in_the_environment()
    {
        await using var cluster = await StartAsync(3, datacenters: 1);
        var commands = Path.Combine(cluster.Directory, "operator-home", ".cstar", "commands");
        Directory.CreateDirectory(commands);
        await File.WriteAllTextAsync(Path.Combine(commands, "greet.sh"),
            "#!/bin/sh\n# C* strategy: all\n# C* dc-parallel: true\n# C* description: Say hello\n# C* argument: {\"option\":\"--who\",\"name\":\"WHO\",\"required\":true}\necho \"hello $WHO from $(hostname)\"\n");

        var help = await CliOnLoopback.CstarAsync(cluster, "greet", "--help");
        var outcome = await CliOnLoopback.CstarAsync(cluster, "greet", "--who", "it's $(me)", "--seed-host", cluster.Addresses[0], "--output-directory", Store(cluster));

        help.StandardOutput.Should().Contain("Say hello").And.Contain("--who");
        outcome.ExitCode.Should().Be(0, outcome.ToString());
        outcome.StandardOutput.Should().Contain("hello it's $(me) from " + cluster.Nodes[1].HostName);
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task Ctrl_c_stops_scheduling_exits_quickly_and_continue_finishes_the_job()
    {
        await using var cluster = await StartAsync();
        var home = Path.Combine(cluster.Directory, "operator-home");
        Directory.CreateDirectory(home);
        var start = new ProcessStartInfo(await PublishedCli.CstarAsync()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["run", "--command", "echo x >> ~/ran; sleep 3", "--seed-host", cluster.Addresses[0], "--one", "--output-directory", Store(cluster), .. CliOnLoopback.SshFlags(cluster)])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = home;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Interrupt once the command runs on its first host (it appends to ~/ran, in the host's own home).
        var started = await Eventually.HoldsAsync(
            () => Task.FromResult(cluster.Addresses.Any(a => File.Exists(Path.Combine(cluster.Daemon.Paths.HostHome(a), "ran")))),
            TimeSpan.FromSeconds(60));
        started.Should().BeTrue("the command must start on a host before Ctrl+C");
        var interrupted = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(bounded.Token);
        var exitSeconds = interrupted.Elapsed.TotalSeconds;
        var output = await stdout;
        var jobId = Regex.Match(output, "Job id is ([0-9a-f-]{36})").Groups[1].Value;
        var logAfterInterrupt = await File.ReadAllTextAsync(Path.Combine(Store(cluster), "jobs", jobId, "cstar.log"));
        var resumed = await CliOnLoopback.CstarAsync(cluster, "continue", jobId, "--output-directory", Store(cluster));

        process.ExitCode.Should().Be(4, output + await stderr);
        logAfterInterrupt.Should().Contain($"Job {jobId} ended: Interrupted, exit code 4", "the job log is complete after Ctrl+C");
        output.Should().Contain("To resume, run cstar continue " + jobId);
        exitSeconds.Should().BeLessThan(10, "Ctrl+C must not wait for running hosts");
        resumed.ExitCode.Should().Be(0, resumed.ToString());
        (await RunCountsAsync(cluster)).Should().AllBeEquivalentTo(1);
    }
}
