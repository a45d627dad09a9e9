using System.Text.RegularExpressions;
using Cstar.Integration.Tests.Loopback;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// Faults of the operator's own disk — full, read-only — and a reused job id: each is one error line, the next step
/// and its documented exit code, never a stack trace (they once crashed cstar with rc 134). The disk is a real small
/// tmpfs or a read-only bind mount (root, as the loopback cluster).
/// </summary>
[Collection(LoopbackGroup.Name)]
[Trait("Category", "Loopback")]
public sealed class LocalStorageFaultTests(SmallRingFixture fixture) : IClassFixture<SmallRingFixture>
{
    private readonly string _store = Path.Combine(fixture.Cluster.Directory, "store-" + Guid.NewGuid().ToString("N"));

    private LoopbackCluster Cluster => fixture.Cluster;

    private static string JobId(ProcessOutcome outcome) => Regex.Match(outcome.StandardOutput, "Job id is ([0-9a-f-]{36})").Groups[1].Value;

    private Task<ProcessOutcome> RunAsync(string command, params string[] flags) =>
        CliOnLoopback.CstarAsync(Cluster, ["run", "--command", command, "--seed-host", Cluster.Addresses[0], "--output-directory", _store, .. flags]);

    private static async Task ShAsync(string script)
    {
        var outcome = await ProcessRunner.RunAsync("/bin/sh", ["-c", script], TimeSpan.FromSeconds(30));
        outcome.ExitCode.Should().Be(0, outcome.ToString());
    }

    private static void ShouldBeOneErrorWithAHint(ProcessOutcome outcome)
    {
        outcome.StandardError.Should().NotContain("   at ").And.NotContain("Unhandled exception");
        outcome.StandardError.Split('\n').Count(l => l.StartsWith("error: ", StringComparison.Ordinal)).Should().Be(1, outcome.ToString());
        outcome.StandardError.Should().Contain("hint: ");
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task A_full_disk_under_the_job_store_is_exit_74_naming_the_folder_and_the_job_to_continue()
    {
        Directory.CreateDirectory(_store);
        await ShAsync($"mount -t tmpfs -o size=512k tmpfs '{_store}'");
        try
        {
            (await CliOnLoopback.CstarAsync(Cluster, "jobs", "--output-directory", _store)).ExitCode.Should().Be(0);
            await ShAsync($"dd if=/dev/zero of='{_store}/filler' bs=1k count=420 2>/dev/null || true");

            var outcome = await RunAsync("head -c 200000 /dev/zero | base64", "--all");

            outcome.ExitCode.Should().Be(74, outcome.ToString());
            ShouldBeOneErrorWithAHint(outcome);
            outcome.StandardError.Should().Contain($"error: the disk is full under {_store}").And.Contain($"df -h {_store}");
            var jobId = JobId(outcome);
            if (jobId.Length > 0)
            {
                outcome.StandardError.Should().Contain("cstar continue " + jobId, "the job had started: the hint names it");
            }
        }
        finally
        {
            await ShAsync($"umount '{_store}'");
        }
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task A_read_only_job_store_is_exit_74_for_jobs_and_for_run()
    {
        (await RunAsync("true")).ExitCode.Should().Be(0, "a first job creates the store (reading verbs create nothing)");
        await ShAsync($"mount --bind '{_store}' '{_store}' && mount -o remount,ro,bind '{_store}'");
        try
        {
            var jobs = await CliOnLoopback.CstarAsync(Cluster, "jobs", "--output-directory", _store);
            var run = await RunAsync("true");

            foreach (var outcome in new[] { jobs, run })
            {
                outcome.ExitCode.Should().Be(74, outcome.ToString());
                ShouldBeOneErrorWithAHint(outcome);
                outcome.StandardError.Should().Contain($"cstar cannot write under {_store}: read-only file system");
            }
        }
        finally
        {
            await ShAsync($"umount '{_store}'");
        }
    }

    [SkippableFact(Timeout = 240_000)]
    public async Task An_enforced_job_id_of_an_existing_job_is_refused_and_leaves_that_jobs_log_as_it_was()
    {
        const string jobId = "0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90";
        (await RunAsync("true", "--enforced-job-id", jobId)).ExitCode.Should().Be(0);
        var log = Path.Combine(_store, "jobs", jobId, "cstar.log");
        var before = await File.ReadAllTextAsync(log);

        var again = await RunAsync("true", "--enforced-job-id", jobId);

        again.ExitCode.Should().Be(3, again.ToString());
        ShouldBeOneErrorWithAHint(again);
        again.StandardError.Should().Contain($"a job with this id already exists in {_store}").And.Contain("cstar continue " + jobId);
        (await File.ReadAllTextAsync(log)).Should().Be(before);
    }
}
