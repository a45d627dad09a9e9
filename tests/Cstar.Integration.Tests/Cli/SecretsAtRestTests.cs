using System.Diagnostics;
using System.Text.RegularExpressions;
using Cstar.Integration.Tests.Loopback;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>Secret values never rest on a node: not while the command runs after cstar was killed, and cleanup-jobs removes what the killed job left.</summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class SecretsAtRestTests
{
    private const string Secret = "S3cr3t-at-rest-9d2e";

    [SkippableFact(Timeout = 240_000)]
    public async Task After_a_job_is_killed_mid_command_no_file_on_the_node_holds_the_secret_and_cleanup_jobs_removes_its_remote_folder()
    {
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = 3,
            RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(50), maxGossipDelay: TimeSpan.FromMilliseconds(200)),
        });
        var home = Path.Combine(cluster.Directory, "operator-home");
        var commands = Path.Combine(home, ".cstar", "commands");
        Directory.CreateDirectory(commands);
        await File.WriteAllTextAsync(Path.Combine(commands, "slowsecret.sh"),
            "#!/bin/bash\n# C* strategy: one\n# C* argument: {\"option\":\"--db-password\",\"name\":\"DB_PASSWORD\",\"secret\":true}\n"
            + "echo \"started with ${#DB_PASSWORD} chars\"; sleep 60\n");
        var store = Path.Combine(cluster.Directory, "store");
        var host = cluster.Addresses[1];
        var start = new ProcessStartInfo(await PublishedCli.CstarAsync()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["slowsecret", "--seed-host", cluster.Addresses[0], "--host", host, "--output-directory", store, .. CliOnLoopback.SshFlags(cluster)])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = home;
        start.Environment["TERM"] = "dumb";
        start.Environment["DB_PASSWORD"] = Secret;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var started = await Eventually.HoldsAsync(
            async () => (await cluster.SshAsync(host, "cat ~/.cstar/remote-jobs/*/*/out 2>/dev/null")).StandardOutput.Contains($"started with {Secret.Length} chars", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(200));
        process.Kill();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var jobId = Regex.Match(await stdout, "Job id is ([0-9a-f-]{36})").Groups[1].Value;
        var holding = await cluster.SshAsync(host, $"grep -rl {Secret} ~/.cstar 2>/dev/null | wc -l; ls ~/.cstar/remote-jobs/{jobId}/{host}");
        var cleanup = await CliOnLoopback.CstarAsync(cluster, "cleanup-jobs", "--max-job-age", "0", "--force", "--output-directory", store);
        var after = await cluster.SshAsync(host, $"ls -d ~/.cstar/remote-jobs/{jobId} 2>&1; echo listed");

        started.Should().BeTrue("the command started on " + host);
        jobId.Should().NotBeEmpty();
        var lines = holding.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("0", "no file under ~/.cstar on the node holds the secret while the command runs:\n" + holding.StandardOutput);
        lines.Should().NotContain(["env", "bundle"]).And.Contain("out", "the run folder is still there before cleanup");
        cleanup.ExitCode.Should().Be(0, cleanup.ToString());
        cleanup.StandardOutput.Should().Contain($"deleted {jobId}").And.Contain($"removed ~/.cstar/remote-jobs/{jobId} on 1 host(s)");
        after.StandardOutput.Should().Contain("No such file").And.EndWith("listed\n");
    }
}
