using System.Text.RegularExpressions;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>--dry-run estimates from the job store: how long the same command took per host last time.</summary>
[Trait("Category", "Loopback")]
public sealed class DryRunEstimateTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    [SkippableFact(Timeout = 240_000)]
    public async Task A_dry_run_takes_its_per_host_estimate_from_the_last_finished_run_of_the_same_command_and_touches_no_host()
    {
        var cluster = fixture.Cluster;
        var store = Path.Combine(cluster.Directory, "store");
        string[] job = ["run", "--command", "sleep 2; echo x >> ~/ran", "--seed-host", cluster.Addresses[0], "--all", "--output-directory", store];

        var before = await CliOnLoopback.CstarAsync(cluster, [.. job, "--dry-run"]);
        var real = await CliOnLoopback.CstarAsync(cluster, job);
        var after = await CliOnLoopback.CstarAsync(cluster, [.. job, "--dry-run"]);
        var jobId = Regex.Match(real.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;

        before.ExitCode.Should().Be(0, before.ToString());
        before.StandardOutput.Should().Contain("estimate from a guess of 2 min per host", "with no earlier run there is only the default guess");
        real.ExitCode.Should().Be(0, real.ToString());
        after.ExitCode.Should().Be(0, after.ToString());
        var basis = Regex.Match(after.StandardOutput, @"estimate from job (\S+): median (\d+(?:\.\d)?)s per host from start to back, over 3 host\(s\)");
        basis.Success.Should().BeTrue(after.StandardOutput);
        basis.Groups[1].Value.Should().Be(jobId);
        double.Parse(basis.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(2, "each host slept 2 s");
        var ran = await cluster.SshAsync(cluster.Addresses[0], "cat ~/ran | wc -l");
        ran.StandardOutput.Trim().Should().Be("1", "dry runs run nothing");
    }
}
