using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Engine;

/// <summary>A host whose sshd (and everything else in it) is frozen with SIGSTOP mid-command: detected, bounded, never a hang.</summary>
[Trait("Category", "Loopback")]
public sealed class FrozenHostTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "cstar-frozen-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task A_host_frozen_mid_command_is_detected_within_the_alive_timeout_and_fails_after_the_reconnect_window()
    {
        await using var cluster = await EngineFaultTests.StartClusterAsync(3);
        var host = cluster.Addresses[1];
        var settings = EngineRig.SettingsFor(cluster, _store, "echo run >> ~/runs.log; echo started; sleep 20; echo done") with
        {
            AliveTimeoutSeconds = 2,
            ReconnectWindowSeconds = 4,
        };
        await using var rig = await EngineRig.CreateAsync(settings);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var frozen = new List<int>();
        try
        {
            var observer = new OnRunning(running);
            var run = rig.Runner(observer).RunAsync(rig.Request(hosts: [host]), CancellationToken.None);
            await running.Task.WaitAsync(TimeSpan.FromSeconds(30));
            frozen.AddRange(HostProcesses(cluster, host));
            frozen.Should().NotBeEmpty();
            foreach (var pid in frozen)
            {
                Signal(pid, "STOP");
            }

            var outcome = await run.WaitAsync(TimeSpan.FromSeconds(60));

            outcome.ExitCode.Should().Be(Core.Errors.ExitCode.HostsFailed);
            var state = rig.Hosts.Single();
            state.Kind.Should().Be(HostRunStateKind.Failed);
            state.Reason.Should().StartWith("lost: no contact with " + host).And.Contain("--reconnect-window");
            var unreachable = observer.Unreachable.ToList();
            unreachable.Should().NotBeEmpty("the console and the log say that the host cannot be reached while it is retried");
            unreachable[0].Describe().Should().Contain(host + " unreachable since").And.Contain("reconnecting to follow its command");
        }
        finally
        {
            foreach (var pid in frozen)
            {
                Signal(pid, "CONT");
            }
        }
    }

    /// <summary>Every process in the host's PID namespace (its sshd is pid 1 there), found through the sshd that names the host's folder.</summary>
    private static List<int> HostProcesses(LoopbackCluster cluster, string host)
    {
        var marker = Path.Combine(cluster.Directory, "hosts", host) + "/";
        var sshd = LoopbackCluster.ProcessesMentioning(marker)
            .First(pid => File.ReadAllText($"/proc/{pid}/cmdline").Contains("sshd -D", StringComparison.Ordinal));
        var ns = new FileInfo($"/proc/{sshd}/ns/pid").LinkTarget;
        var pids = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                try
                {
                    if (new FileInfo($"{dir}/ns/pid").LinkTarget == ns)
                    {
                        pids.Add(pid);
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        return pids;
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = System.Diagnostics.Process.Start("/bin/kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit(5000);
    }

    private sealed class OnRunning(TaskCompletionSource running) : IJobEventSubscriber
    {
        public string Name => "the running watcher";

        public System.Collections.Concurrent.ConcurrentQueue<HostUnreachableEvent> Unreachable { get; } = new();

        public void Handle(JobEvent jobEvent)
        {
            switch (jobEvent)
            {
                case HostUnreachableEvent unreachable:
                    Unreachable.Enqueue(unreachable);
                    break;
                case HostChangedEvent { State: HostRunStateKind.Running }:
                    running.TrySetResult();
                    break;
            }
        }
    }
}
