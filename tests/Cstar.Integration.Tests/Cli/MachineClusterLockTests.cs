using Cstar.Integration.Tests.Loopback;
using Cstar.JobStore.Locks;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// Two operators with two HOMEs (two job stores) on one machine: the second job on the same cluster is refused while
/// the first runs, and is told whose job it is; once the first ends, it runs. (Before, each store had its own lock and
/// both ran, with replica-mates down together.)
/// </summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class MachineClusterLockTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    private const string FirstJob = "6f1c2e1a-7b90-4c1e-9d0b-0b5e4a528f2a";

    private LoopbackCluster Cluster => fixture.Cluster;

    private async Task<ProcessOutcome> CstarAsHomeAsync(string home, params string[] args)
    {
        var folder = Path.Combine(Cluster.Directory, home);
        Directory.CreateDirectory(folder);
        return await ProcessRunner.RunAsync(
            await PublishedCli.CstarAsync(),
            [.. args, "--seed-host", Cluster.Addresses[0], .. CliOnLoopback.SshFlags(Cluster)],
            TimeSpan.FromSeconds(120),
            environment: new Dictionary<string, string?> { ["HOME"] = folder, ["TERM"] = "dumb" });
    }

    private static async Task<string> HolderFileOfAsync(string jobId)
    {
        var folder = MachineLockFolder.Default();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var file = Directory.Exists(folder)
                ? Directory.EnumerateFiles(folder, "cluster-*.holder").FirstOrDefault(f => File.ReadAllText(f).Contains("job=" + jobId, StringComparison.Ordinal))
                : null;
            if (file is not null)
            {
                return file;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token);
        }
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task A_job_from_another_home_on_the_same_cluster_is_refused_naming_the_holder_until_the_first_ends()
    {
        var release = Path.Combine(Cluster.Directory, "release-" + Guid.NewGuid().ToString("N"));
        var waitForRelease = $"for i in $(seq 1200); do [ -e '{release}' ] && break; sleep 0.1; done";
        var first = CstarAsHomeAsync("alice", "run", "--command", waitForRelease, "--host", Cluster.Addresses[0], "--enforced-job-id", FirstJob);
        var holderFile = await HolderFileOfAsync(FirstJob);

        var second = await CstarAsHomeAsync("bob", "run", "--command", "true", "--host", Cluster.Addresses[1]);

        second.ExitCode.Should().Be(3, second.ToString());
        second.StandardError.Should().Contain($"is in use by job {FirstJob} of user ").And.Contain("(process ").And.Contain(Path.Combine(Cluster.Directory, "alice", ".cstar"));
        second.StandardError.Should().Contain("other machines are not seen");
        await File.WriteAllTextAsync(release, "go");
        (await first).ExitCode.Should().Be(0);
        File.Exists(holderFile).Should().BeFalse("the holder removes its note when it releases the lock");
        var third = await CstarAsHomeAsync("bob", "run", "--command", "true", "--host", Cluster.Addresses[1]);
        third.ExitCode.Should().Be(0, third.ToString());
    }
}
