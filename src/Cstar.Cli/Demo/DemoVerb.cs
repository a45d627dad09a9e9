using System.Collections.Immutable;
using Cstar.Cli.Jobs;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Scheduling;
using Cstar.JobStore.Events;
using Cstar.JobStore.Output;
using Cstar.Ring.Discovery;
using Cstar.Ring.Health;
using Cstar.Simulator;

namespace Cstar.Cli.Demo;

/// <summary>
/// `cstar demo`: the real engine, scheduler, parsers and gate doing a rolling restart on an in-process simulated
/// ring (no SSH, nothing to set up), so a newcomer sees what the safety rules do: waves, waiting for each node to
/// be UN in its peers' views and to answer CQL, halting on a failure or on a node that does not come back.
/// </summary>
internal sealed class DemoVerb(TextWriter stdout, TextWriter stderr, TimeProvider time)
{
    public async Task<int> RunAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        if (options.Nodes is < 3 or > 300 || options.Datacenters < 1 || options.Racks < 1 || options.Vnodes is < 1 or > 256 || options.GossipDelaySeconds is < 0 or > 600)
        {
            throw new CstarException("The demo ring needs 3 to 300 nodes, at least 1 DC and 1 rack, 1 to 256 vnodes and a gossip delay of 0 to 600 s.", "Example: cstar demo --nodes 12 --dcs 2 --racks 3", ExitCode.Usage);
        }

        var ring = DemoRing.Create(options, time);
        var addresses = ring.Nodes.Select(n => n.Address).ToList();
        foreach (var (flag, host) in new[] { ("--fail-host", options.FailHost), ("--never-back-host", options.NeverBackHost), ("--down-host", options.DownHost) })
        {
            if (host is not null && !addresses.Contains(host))
            {
                throw new CstarException($"{flag} {host} is not a node of the demo ring.", $"The demo's nodes are {string.Join(", ", addresses)}.", ExitCode.Usage);
            }
        }

        await stdout.WriteLineAsync($"cstar demo: a rolling restart of {options.Nodes} simulated Cassandra nodes ({options.Datacenters} DC(s) × {options.Racks} rack(s), {options.Vnodes} vnodes), no cluster needed.");
        await stdout.WriteLineAsync("Each node is drained, stopped and started; the next wave starts only when its peers see it UN and its CQL port answers.");
        if (options.DownHost is { } down)
        {
            ring.StopCassandra(down);
            await Task.Delay(TimeSpan.FromMilliseconds(1300), time, cancellationToken);
        }

        var transport = new SimulatedRingTransport(ring);
        var seed = addresses.First(a => a != options.DownHost);
        var discovery = await new RingDiscovery(transport).DiscoverAsync(new DiscoveryOptions([seed]), cancellationToken);
        var policy = StrategyResolver.Resolve(
            new StrategyFlags { Strategy = options.Strategy, One = options.One, Topology = options.Topology, All = options.All, DcParallel = options.DcParallel },
            SchedulingPolicy.Default with { IgnoreDownNodes = options.DownHost is not null });
        var context = SchedulingContext.Create(discovery.Topology, discovery.Clusters.Select(c => c.Replicas), policy);
        var targets = discovery.Topology.AllNodes.ToImmutableArray();
        var setup = new JobSetup(discovery, targets, context);
        if (options.DryRun)
        {
            return await DryRun.PrintAsync(setup, new JobOptions(), stdout);
        }

        var root = Path.Combine(Path.GetTempPath(), "cstar-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            return await RunJobAsync(options, ring, transport, setup, root, cancellationToken);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private async Task<int> RunJobAsync(DemoOptions options, SimulatedRing ring, SimulatedRingTransport transport, JobSetup setup, string root, CancellationToken cancellationToken)
    {
        using var store = Composition.JobStoreFactory.Open(root, time);
        var cluster = setup.Topology.Clusters[0];
        var definition = new JobDefinition(
            Guid.NewGuid().ToString(),
            "restart (demo)",
            new CommandSource("demo: nodetool drain; service cassandra stop; service cassandra start", null, "demo"),
            [],
            "[]",
            HostSelection.FromSeeds(cluster.Nodes[0].Address),
            "cstar demo",
            [cluster.Name],
            time.GetUtcNow(),
            RunnerKind.Local);
        var health = new NodetoolRingHealthProbe(
            transport,
            new RingHealthProbeOptions(),
            cluster.Name,
            [.. cluster.Nodes.Select(n => n.Address)],
            (host, _) => Task.FromResult(new CqlCheck(ring.IsNativeTransportUp(host), ring.IsNativeTransportUp(host) ? "answered OPTIONS with SUPPORTED" : "CQL port not answering")));
        var observer = new PlainConsoleObserver(stdout, ipLabel: false, verbose: 0, time, setup.Context.HostOrder);
        using var events = new JobEventFile(store.Paths.JobFolder(definition.JobId));
        var runner = new JobRunner(new JobRunnerServices(store, new FileHostOutputStore(store.Paths), new DemoHostRunner(ring, options, time), health, time));
        var request = new JobRunRequest
        {
            Definition = definition,
            Hosts = [.. setup.Targets.Select(n => n.Address)],
            Context = setup.Context,
            RequireCql = true,
            WaitTimeout = TimeSpan.FromSeconds(options.WaitTimeoutSeconds),
            GateInitialDelay = TimeSpan.FromMilliseconds(200),
            GateMaxDelay = TimeSpan.FromSeconds(1),
        };

        var perHost = TimeSpan.FromSeconds((3 * options.StepSeconds) + options.StartSeconds);
        var plan = JobPlans.From(setup, new JobOptions(), () => new Core.Planning.PlanEstimate(perHost, TimeSpan.FromSeconds(1)) { Basis = "the demo's step and start times, and 1 s to come back" });
        await observer.JobStartingAsync(definition, setup, resume: false);
        using var interrupt = new InterruptHandler(stderr);
        var outcome = await LiveView.JobView.RunAsync(
            stdout, observer, setup.Topology, request.Hosts, time, allowLive: true, view => runner.RunAsync(request, [view, events], interrupt.Token), interrupt: interrupt);
        await RunSummary.PrintAsync(stdout, store, outcome, setup.Context.HostOrder, resumable: false);
        if (options.Report is { } report)
        {
            events.Dispose();
            JobPlans.TryWrite(plan, store.Paths.JobFolder(definition.JobId), stderr);
            await JobReport.WriteAsync(store, definition.JobId, report, stdout, stderr, time);
        }

        return (int)outcome.ExitCode;
    }
}
