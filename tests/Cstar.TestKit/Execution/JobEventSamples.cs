using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;

namespace Cstar.TestKit.Execution;

/// <summary>
/// One sample of every concrete <see cref="JobEvent"/> type (a test checks by reflection that none is missing), so the
/// subscribers' tests can show that each of them handles, or deliberately ignores, every event type.
/// </summary>
public static class JobEventSamples
{
    private static readonly DateTimeOffset T = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<JobEvent> All { get; } =
    [
        new JobStartedEvent(T, "job-1", "restart", ["prod-eu"], 3, Resumed: false),
        new HostStartedEvent(T, "job-1", "10.0.0.1", 1, Attach: false),
        new HostChangedEvent(T, "job-1", "10.0.0.1", HostRunStateKind.Running, false, 42, null, null),
        new HostOutputEvent(T, "job-1", "10.0.0.1", OutputStreamKind.StandardOutput, "draining\n"),
        new DecisionEvent(T, "job-1", new SchedulingDecision.Wait("waiting for 10.0.0.1", [])),
        new GateEvent(T, "job-1", "10.0.0.1", false, "10.0.0.1 is DN", TimeSpan.FromSeconds(3)),
        new GateWaitEvent(T, "job-1", "10.0.0.1", "exit 0: waiting for 10.0.0.1 to be seen back"),
        new GatePassEvent(T, "job-1", "10.0.0.1", TimeSpan.FromSeconds(12)),
        new HostUnreachableEvent(T, "job-1", "10.0.0.2", new HostUnreachable(T, T.AddSeconds(-30), "reconnecting", "connection refused", T.AddMinutes(10))),
        new HostFinishedEvent(T, "job-1", "10.0.0.1", HostRunStateKind.Succeeded, 0, null, TimeSpan.FromSeconds(40)),
        new JobHaltedEvent(T, "job-1", "halted after 1 failure(s)"),
        new SubscriberFailedEvent(T, "job-1", "the console view", JobEventTypes.HostChange, "IOException: broken pipe"),
        new BackPressureWaitEvent(T, "job-1", "10.0.0.5", Returning: false, ["10.0.0.5: 7,412 pending compactions (limit 100), falling 310/h, about 23 h"], TimeSpan.FromMinutes(5)),
        new BackPressurePassEvent(T, "job-1", "10.0.0.5", Returning: true, TimeSpan.FromHours(23)),
        new JobControlEvent(T, "job-1", 7, Core.Jobs.Controls.JobControlKind.MaxConcurrency, "4", "alice@jump1", "compactions behind"),
        new JobEndedEvent(T, "job-1", JobState.Finished, HostCounts.Empty with { Succeeded = 3 }),
    ];

    /// <summary>Every concrete event type of the engine (found by reflection in Cstar.Core).</summary>
    public static IEnumerable<Type> ConcreteTypes =>
        typeof(JobEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(JobEvent)) && !t.IsAbstract);
}
