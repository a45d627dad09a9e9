using System.Collections.Immutable;
using Cstar.Cli.LiveView;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

public sealed class LiveViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static Node N(string address, string dc, string rack, NodeStatus status = NodeStatus.Up) =>
        new(address, "c1", dc, rack, status, NodeState.Normal, Guid.NewGuid());

    [Fact]
    public void Each_host_is_drawn_under_its_dc_and_rack_with_the_symbol_of_its_state()
    {
        var topology = new RingTopology([ClusterTopology.Create("c1",
        [
            N("10.0.0.1", "dc1", "r1"), N("10.0.0.2", "dc1", "r1"), N("10.0.0.3", "dc1", "r2"),
            N("10.0.0.4", "dc2", "r1"), N("10.0.0.5", "dc2", "r2"), N("10.0.0.6", "dc2", "r2", NodeStatus.Down),
        ])]);
        var model = new LiveViewModel(topology, topology.AllNodes.Select(n => n.Address), T0);

        model.Apply(new DecisionEvent(T0, "job-1", new SchedulingDecision.Start(["10.0.0.1", "10.0.0.4"], "start", [])));
        model.Apply(new HostChangedEvent(T0, "job-1", "10.0.0.1", HostRunStateKind.Succeeded, false, 1, 0, null));
        model.Apply(new HostChangedEvent(T0, "job-1", "10.0.0.2", HostRunStateKind.Running, false, 2, null, null));
        model.Apply(new HostChangedEvent(T0, "job-1", "10.0.0.3", HostRunStateKind.Running, true, 3, 0, "exit 0"));
        model.Apply(new HostChangedEvent(T0, "job-1", "10.0.0.4", HostRunStateKind.Failed, false, 4, 1, "exit 1"));
        model.Apply(new HostOutputEvent(T0, "job-1", "10.0.0.2", Core.Ports.OutputStreamKind.StandardOutput, "compacting\nstill compacting\n"));

        var text = LiveViewRenderer.RenderText(model, T0.AddSeconds(75));

        text.Should().Contain("dc1        r1 +*   r2 ~");
        text.Should().Contain("dc2        r1 !   r2 .x");
        text.Should().Contain("wave 1").And.Contain("elapsed 1m15s").And.Contain("failed 1");
        text.Should().Contain("10.0.0.2: still compacting");
    }

    [Fact]
    public void Under_resolve_hostnames_a_running_hosts_line_names_it()
    {
        var topology = new RingTopology([ClusterTopology.Create("c1", [N("10.0.0.1", "dc1", "r1")])]);
        var model = new LiveViewModel(topology, ["10.0.0.1"], T0) { Label = h => h == "10.0.0.1" ? "cass-1.example" : h };

        model.Apply(new HostChangedEvent(T0, "job-1", "10.0.0.1", HostRunStateKind.Running, false, 2, null, null));
        model.Apply(new HostOutputEvent(T0, "job-1", "10.0.0.1", Core.Ports.OutputStreamKind.StandardOutput, "draining\n"));

        LiveViewRenderer.RenderText(model, T0).Should().Contain("cass-1.example: draining").And.NotContain("10.0.0.1:");
    }

    [Fact]
    public void Hosts_that_are_not_targets_are_not_drawn()
    {
        var topology = new RingTopology([ClusterTopology.Create("c1", [N("10.0.0.1", "dc1", "r1"), N("10.0.0.2", "dc1", "r1")])]);
        var model = new LiveViewModel(topology, ["10.0.0.2"], T0);

        LiveViewRenderer.RenderText(model, T0).Should().Contain("dc1        r1 .\n");
    }

    [Fact]
    public void Under_continue_hosts_finished_before_are_drawn_done_and_the_last_frame_counts_match_the_summary_without_an_estimate()
    {
        var topology = new RingTopology([ClusterTopology.Create("c1", [N("10.0.0.1", "dc1", "r1"), N("10.0.0.2", "dc1", "r1"), N("10.0.0.3", "dc1", "r1"), N("10.0.0.4", "dc1", "r1")])]);
        var model = new LiveViewModel(topology, topology.AllNodes.Select(n => n.Address), T0);
        HostRunState Stored(string host, HostRunStateKind kind) => HostRunState.Pending(host) with { Kind = kind };

        model.Seed([Stored("10.0.0.1", HostRunStateKind.Succeeded), Stored("10.0.0.2", HostRunStateKind.Succeeded), Stored("10.0.0.3", HostRunStateKind.Pending), Stored("10.0.0.4", HostRunStateKind.Pending)]);
        var first = LiveViewRenderer.RenderText(model, T0);
        model.Apply(new HostChangedEvent(T0, "job-1", "10.0.0.3", HostRunStateKind.Running, false, 1, null, null));
        model.Apply(new HostChangedEvent(T0.AddSeconds(10), "job-1", "10.0.0.3", HostRunStateKind.Succeeded, false, 1, 0, null));
        model.Apply(new HostChangedEvent(T0.AddSeconds(10), "job-1", "10.0.0.4", HostRunStateKind.Running, false, 2, null, null));
        model.Apply(new HostChangedEvent(T0.AddSeconds(20), "job-1", "10.0.0.4", HostRunStateKind.Succeeded, false, 2, 0, null));
        model.Finish("all 4 host(s) handled: 4 succeeded, 0 skipped");
        var last = LiveViewRenderer.RenderText(model, T0.AddSeconds(20));

        first.Should().Contain("r1 ++..").And.Contain("done 2 ");
        last.Should().Contain("r1 ++++").And.Contain("done 4 ").And.Contain("eta -").And.Contain("all 4 host(s) handled");
    }
}
