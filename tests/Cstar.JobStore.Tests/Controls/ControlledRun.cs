using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Cstar.JobStore.Sqlite;
using Cstar.TestKit.Execution;
using Cstar.TestKit.Rings;
using Cstar.TestKit.Simulation;

namespace Cstar.JobStore.Tests.Controls;

/// <summary>A 6-node ring run by the real runner on a real SQLite store (as store and as controls), fakes elsewhere, a manual clock.</summary>
internal sealed class ControlledRun(SqliteJobStore store)
{
    public const string JobId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    public TestRing Ring { get; } = new TestRing().WithNodes(6, racks: 3).WithPlacedKeyspace(TestRing.Nts("ks", ("dc1", 3)));

    public ManualClock Clock { get; } = new();

    public FakeHostRunner Hosts { get; } = new();

    public RecordingSubscriber Observer { get; } = new();

    public IEnumerable<JobEvent> Events => Observer.Events;

    public JobRunRequest Request(SchedulingPolicy policy, bool resume, int? stopAfter = null) => new()
    {
        Definition = new JobDefinition(JobId, "test", new CommandSource("hostname", null, "abc"), [], "{}", HostSelection.FromSeeds("10.0.0.1"), null, ["test"], Clock.GetUtcNow(), RunnerKind.Remote),
        Hosts = [.. Ring.Addresses],
        Context = SchedulingContext.Create(Ring.Topology, [Ring.Map], policy),
        Resume = resume,
        StopAfter = stopAfter,
        WaitTimeout = TimeSpan.FromSeconds(10),
        ControlPollInterval = TimeSpan.FromMilliseconds(500),
    };

    /// <summary>Runs until the end or <paramref name="steps"/> clock steps of 100 ms (then Ctrl+C), whichever comes first.</summary>
    public async Task<JobOutcome> RunAsync(JobRunRequest request, int steps = 3000)
    {
        using var stop = new CancellationTokenSource();
        var services = new JobRunnerServices(store, new InMemoryHostOutputStore(), Hosts, new FakeRingHealthProbe(Ring.Nodes), Clock)
        {
            Controls = store,
        };
        var task = new JobRunner(services).RunAsync(request, [Observer], stop.Token);
        for (var i = 0; i < steps && !task.IsCompleted; i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1, CancellationToken.None);
        }

        await stop.CancelAsync();
        return await task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
    }
}
