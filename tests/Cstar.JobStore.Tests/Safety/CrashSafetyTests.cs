using Cstar.Core.Jobs;
using Cstar.JobStore.Sqlite;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Safety;

/// <summary>
/// kill -9 at random moments: a real child process (this assembly, see <see cref="ChildProgram"/>) records
/// jobs and host transitions in a loop and prints each one after its commit returned; the test kills it
/// with SIGKILL after a random number of lines, 10 times. After each kill the store opens, passes
/// SQLite's integrity check, and holds every transition the child reported as committed.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly TempRoot _root = new();

    [Fact]
    public async Task Every_committed_transition_survives_kill_9_and_the_store_stays_intact()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var random = new Random(20261126);
        for (var round = 0; round < 10; round++)
        {
            var killAfter = random.Next(1, 120);
            var committed = await RunAndKill($"round{round}", killAfter, cts.Token);

            using var store = SqliteJobStore.Open(JobStoreOptions.At(_root.Path));
            store.IntegrityCheck().Should().Be("ok", $"round {round}");
            foreach (var line in committed)
            {
                var parts = line.Split(' ');
                if (parts[0] == "created")
                {
                    store.LoadJob(parts[1]).Hosts.Should().HaveCount(10);
                }
                else
                {
                    store.History(parts[1], parts[2]).Select(h => h.To.ToString()).Should().Contain(parts[3], line);
                }
            }

            var last = committed.Last(l => l.StartsWith("created", StringComparison.Ordinal)).Split(' ')[1];
            var summary = store.ListJobs().Single(j => j.JobId == last);
            if (summary.State == JobState.Running)
            {
                summary.OwnerGone.Should().BeTrue("the killed writer is gone and the job tells so");
            }
        }
    }

    public void Dispose() => _root.Dispose();

    private async Task<List<string>> RunAndKill(string prefix, int killAfter, CancellationToken cancellationToken)
    {
        using var child = ChildProcess.Start("crash-writer", _root.Path, prefix);
        var lines = new List<string>();
        try
        {
            while (lines.Count(l => l.StartsWith("committed", StringComparison.Ordinal)) < killAfter)
            {
                var line = await child.StandardOutput.ReadLineAsync(cancellationToken)
                    ?? throw new InvalidOperationException("the writer ended early: " + await child.StandardError.ReadToEndAsync(cancellationToken));
                lines.Add(line);
            }
        }
        finally
        {
            child.Kill(); // SIGKILL on Unix
            await child.WaitForExitAsync(cancellationToken);
        }

        return lines;
    }
}
