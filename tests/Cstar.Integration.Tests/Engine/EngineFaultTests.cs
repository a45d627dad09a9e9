using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.Simulator.Host.Ring;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Engine;

/// <summary>The engine against real sshd hosts that misbehave: dropped sessions, timeouts, reboots, nodes that stay down.</summary>
[Trait("Category", "Loopback")]
public sealed class EngineFaultTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "cstar-engine-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    internal static Task<LoopbackCluster> StartClusterAsync(int hosts, TimeSpan? rebootDelay = null) =>
        LoopbackCluster.StartAsync(new LoopbackClusterOptions
        {
            Hosts = hosts,
            Datacenters = 2,
            Racks = 3,
            RebootDelay = rebootDelay ?? TimeSpan.FromSeconds(2),
            RingFactory = StandardRingFactory.Create(TimeProvider.System, minGossipDelay: TimeSpan.FromMilliseconds(50), maxGossipDelay: TimeSpan.FromMilliseconds(300)),
        });

    internal static string HomeOf(LoopbackCluster cluster, string host) => Path.Combine(cluster.Directory, "hosts", host, "home");

    internal static int RunsOn(LoopbackCluster cluster, string host)
    {
        var log = Path.Combine(HomeOf(cluster, host), "runs.log");
        return File.Exists(log) ? File.ReadAllLines(log).Length : 0;
    }

    /// <summary>The command kills its own SSH session (the sshd process serving the attach) once, mid-command.</summary>
    private const string KillOwnSessionScript = """
        echo run >> ~/runs.log
        echo "line1 $(hostname)"
        sleep 0.3
        if [ ! -f ~/killed-once ]; then
          : > ~/killed-once
          for p in /proc/[0-9]*; do
            if tr '\0' ' ' < $p/cmdline 2>/dev/null | grep -q '^sh -c .* cstar-attach '; then
              q=$p; while [ -n "$q" ]; do pp=$(awk '/^PPid:/{print $2}' $q/status 2>/dev/null); [ -z "$pp" ] && break
                case "$(tr '\0' ' ' < /proc/$pp/cmdline 2>/dev/null)" in sshd:*) kill -9 $pp; break;; esac; q=/proc/$pp; done
            fi
          done
        fi
        sleep 0.3
        echo "line2 $(hostname)"
        """;

    [SkippableFact(Timeout = 180_000)]
    public async Task SSH_sessions_killed_mid_command_on_10_hosts_reconnect_and_every_host_completes_once_with_its_whole_output()
    {
        await using var cluster = await StartClusterAsync(10);
        var settings = EngineRig.SettingsFor(cluster, _store, KillOwnSessionScript) with { Strategy = "all" };
        await using var rig = await EngineRig.CreateAsync(settings);

        var outcome = await rig.Runner().RunAsync(rig.Request(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(150));

        outcome.ExitCode.Should().Be(ExitCode.Success, string.Join("; ", rig.Hosts.Select(h => $"{h.Host} {h.Kind} {h.Reason}")));
        foreach (var (node, host) in cluster.Nodes.Select(n => (n, n.Address)))
        {
            File.Exists(Path.Combine(HomeOf(cluster, host), "killed-once")).Should().BeTrue();
            RunsOn(cluster, host).Should().Be(1, $"{host} ran once");
            rig.OutOf(host).Should().Be($"line1 {node.HostName}\nline2 {node.HostName}\n");
            Directory.Exists(Path.Combine(HomeOf(cluster, host), ".cstar", "remote-jobs", "job-1", host)).Should().BeFalse("the run folder is removed after the result is recorded");
        }
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_per_host_timeout_fails_the_host_and_kills_its_remote_process_group()
    {
        await using var cluster = await StartClusterAsync(3);
        var script = "sleep 60 & echo $! > ~/child.pid; echo $$ > ~/main.pid; sleep 60";
        var settings = EngineRig.SettingsFor(cluster, _store, script) with { HostTimeoutSeconds = 2 };
        await using var rig = await EngineRig.CreateAsync(settings);
        var host = cluster.Addresses[1];

        var outcome = await rig.Runner().RunAsync(rig.Request(hosts: [host]), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        outcome.ExitCode.Should().Be(ExitCode.HostsFailed);
        rig.Hosts.Single().Kind.Should().Be(HostRunStateKind.TimedOut);
        var check = await cluster.SshAsync(host, "for f in child main; do p=$(cat ~/$f.pid); if [ -d /proc/$p ] && ! grep -q '^State:.*Z' /proc/$p/status; then echo alive $f; fi; done; echo checked");
        check.StandardOutput.Should().Be("checked\n");
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_command_that_declares_it_reboots_its_own_host_is_detected_waited_for_and_the_job_goes_on()
    {
        await using var cluster = await StartClusterAsync(3);
        var script = "echo run >> ~/runs.log; echo rebooting; sleep 0.2; sudo reboot; sleep 30; echo never";
        await using var rig = await EngineRig.CreateAsync(EngineRig.SettingsFor(cluster, _store, script) with { RebootsHost = true });
        var hosts = cluster.Addresses.Take(2).ToList();

        var outcome = await rig.Runner().RunAsync(rig.Request(hosts: hosts), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(100));

        outcome.ExitCode.Should().Be(ExitCode.Success, outcome.ToString());
        foreach (var host in hosts)
        {
            RunsOn(cluster, host).Should().Be(1);
            rig.OutOf(host).Should().Be("rebooting\n");
        }
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_command_that_reboots_its_host_without_declaring_it_fails_the_host_as_lost_and_never_succeeds()
    {
        await using var cluster = await StartClusterAsync(3);
        var script = "echo run >> ~/runs.log; echo rebooting; sleep 0.2; sudo reboot; sleep 30; echo never";
        await using var rig = await EngineRig.CreateAsync(EngineRig.SettingsFor(cluster, _store, script));
        var host = cluster.Addresses[1];

        var outcome = await rig.Runner().RunAsync(rig.Request(hosts: [host]), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(100));

        outcome.ExitCode.Should().Be(ExitCode.HostsFailed, outcome.ToString());
        var state = rig.Hosts.Single(h => h.Host == host);
        state.Kind.Should().Be(HostRunStateKind.Failed);
        state.Reason.Should().StartWith("lost: ").And.Contain("rebooted during the command (a new boot id)").And.Contain("reboots-host: true");
        RunsOn(cluster, host).Should().Be(1);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_node_that_never_comes_back_times_the_gate_out_with_the_reason()
    {
        await using var cluster = await StartClusterAsync(3);
        await using var rig = await EngineRig.CreateAsync(EngineRig.SettingsFor(cluster, _store, "sudo service cassandra stop; sleep 1; echo stopped") with { WaitTimeoutSeconds = 4 });
        var host = cluster.Addresses[2];

        var outcome = await rig.Runner().RunAsync(rig.Request(hosts: [host, cluster.Addresses[1]]), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        outcome.State.Should().Be(JobState.Halted, string.Join("; ", rig.Hosts.Select(h => $"{h.Host} {h.Kind} {h.Reason}")));
        var state = rig.Hosts.Single(h => h.Host == host);
        state.Kind.Should().Be(HostRunStateKind.DidNotComeBack);
        state.Reason.Should().Contain("did not come back within 4 s");
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_changed_host_key_is_refused_and_the_host_fails_with_the_reason()
    {
        await using var cluster = await StartClusterAsync(3);
        var (victim, other) = (cluster.Addresses[1], cluster.Addresses[2]);
        var lines = File.ReadAllLines(cluster.KnownHostsPath);
        var otherKey = lines.First(l => l.StartsWith(other + ",", StringComparison.Ordinal)).Split(' ', 2)[1];
        File.WriteAllLines(cluster.KnownHostsPath, lines.Select(l => l.StartsWith(victim + ",", StringComparison.Ordinal) ? $"{l.Split(' ')[0]} {otherKey}" : l));
        await using var rig = await EngineRig.CreateAsync(EngineRig.SettingsFor(cluster, _store, "echo run >> ~/runs.log"));

        var outcome = await rig.Runner().RunAsync(rig.Request(hosts: [victim]), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        outcome.ExitCode.Should().NotBe(ExitCode.Success);
        rig.Hosts.Single().Reason.Should().ContainEquivalentOf("host key");
        RunsOn(cluster, victim).Should().Be(0);
    }
}
