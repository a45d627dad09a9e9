using System.Collections.Immutable;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Execution;
using Cstar.TestKit.Rings;
using Cstar.TestKit.Simulation;

namespace Cstar.Core.Tests.Execution;

/// <summary>A 6-node ring (3 racks, RF 3), the fakes, a manual clock, and a pump that moves time until the run ends.</summary>
internal sealed class RunnerHarness
{
    public RunnerHarness(int nodes = 6)
    {
        Ring = new TestRing().WithNodes(nodes, racks: 3).WithPlacedKeyspace(TestRing.Nts("ks", ("dc1", 3)));
        Probe = new FakeRingHealthProbe(Ring.Nodes);
    }

    public TestRing Ring { get; }

    public ManualClock Clock { get; } = new();

    public InMemoryJobStore Store { get; } = new();

    public InMemoryHostOutputStore Outputs { get; } = new();

    public FakeHostRunner Hosts { get; } = new();

    public FakeRingHealthProbe Probe { get; }

    public RecordingSubscriber Observer { get; } = new();

    public IEnumerable<Core.Jobs.Events.JobEvent> Events => Observer.Events;

    /// <summary>Subscribers handed the events before <see cref="Observer"/>.</summary>
    public List<IJobEventSubscriber> OtherSubscribers { get; } = [];

    /// <summary>The back-pressure gate's figures (read only when a request sets limits).</summary>
    public FakeNodeLoadProbe Load => _load ??= new FakeNodeLoadProbe(Clock);

    /// <summary>--confirm answers; null: nobody is asked.</summary>
    public IHostConfirmation? Confirmation { get; set; }

    public string JobId { get; } = "job-1";

    /// <summary>Connections warmed ahead; null: the services have no warm-up (as for cstarpar).</summary>
    public RecordingWarmup? Warmup { get; set; }

    private FakeNodeLoadProbe? _load;

    public JobRunner Runner => new(new JobRunnerServices(Store, Outputs, Hosts, Probe, Clock) { Confirmation = Confirmation, Load = Load, Warmup = Warmup });

    public JobRunRequest Request(SchedulingPolicy? policy = null, IEnumerable<string>? targets = null, TestRing? ring = null) => new()
    {
        Definition = new JobDefinition(JobId, "test", new CommandSource("hostname", null, "abc"), [], "{}", HostSelection.FromSeeds("10.0.0.1"), null, ["test"], Clock.GetUtcNow(), RunnerKind.Remote),
        Hosts = [.. targets ?? Ring.Addresses],
        Context = SchedulingContext.Create((ring ?? Ring).Topology, [(ring ?? Ring).Map], policy ?? SchedulingPolicy.Default),
        WaitTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Runs to the end, advancing the manual clock 100 ms at a time (bounded: 3000 steps).</summary>
    public async Task<JobOutcome> RunAsync(JobRunRequest request, CancellationToken stop = default)
    {
        var task = Runner.RunAsync(request, [.. OtherSubscribers, Observer], stop);
        for (var i = 0; i < 3000 && !task.IsCompleted; i++)
        {
            Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1, CancellationToken.None);
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
    }

    public HostRunStateKind StateOf(string host) => Store.LoadJob(JobId).Host(host).Kind;
}
