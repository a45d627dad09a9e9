using Cstar.Core.BackPressure;
using Cstar.Core.Health;
using Cstar.Core.Jobs;
using Cstar.Core.Scheduling;

namespace Cstar.Core.Execution;

/// <summary>
/// One run of a job: a new job (<see cref="Resume"/> false: the definition is created in the store with
/// <see cref="Hosts"/> Pending) or a <c>continue</c> (Resume true: the job is loaded, hosts recorded Starting or
/// Running are attached, never started twice). The scheduling context (topology, replica maps, policy) is built
/// by the caller from a fresh ring read.
/// </summary>
public sealed record JobRunRequest
{
    public required JobDefinition Definition { get; init; }

    /// <summary>The target hosts of a new job (ignored on resume: the stored hosts are the targets).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    public required SchedulingContext Context { get; init; }

    public bool Resume { get; init; }

    /// <summary>
    /// A new job the caller already created in the store (with <see cref="Hosts"/> Pending): the CLI does so before it
    /// prints the job id, so every id printed is a job <c>continue</c> knows, even after a Ctrl+C at once.
    /// </summary>
    public bool Created { get; init; }

    /// <summary>On resume, failed, timed-out and did-not-come-back hosts go back to Pending.</summary>
    public bool RetryFailed { get; init; }

    /// <summary>
    /// Hosts to start in THIS run at most (<c>--stop-after</c>; on continue, that many more). The policy's
    /// <see cref="SchedulingPolicy.StopAfter"/> counts over the whole job; both apply.
    /// </summary>
    public int? StopAfter { get; init; }

    /// <summary>Failed hosts tolerated before the job halts; 0 = halt on the first (build the policy with HaltOnFailure = false when above 0).</summary>
    public int MaxFailures { get; init; }

    /// <summary>Per-host command timeout; the host's process group is killed when it expires. Null = none.</summary>
    public TimeSpan? HostTimeout { get; init; }

    /// <summary>How long a finished host may take to be seen back, and a foreign down node to come back (default 30 min).</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Back also means the CQL port answers (<c># C* wait-for: cql</c> / <c>--wait-for-cql</c>).</summary>
    public bool RequireCql { get; init; }

    /// <summary>
    /// The command declares <c># C* reboots-host: true</c>: a host that came back with a NEW boot id while the
    /// command's process left no exit status counts as the command's end and is gated like a success. False (the
    /// default): such a host is Failed (lost), because the command's end was not observed.
    /// </summary>
    public bool CommandRebootsHost { get; init; }

    /// <summary>
    /// Bytes of a host's output that may wait for the display (the loop and the console behind it); beyond, the display
    /// leaves output out and says how much (the host's out/err files always get all of it). Bounds memory per host.
    /// </summary>
    public int DisplayQueueBytes { get; init; } = HostDisplayQueue.DefaultCapacity;

    /// <summary>While a host cannot be reached, the console and the log say so at the first failed attempt, then this often.</summary>
    public TimeSpan UnreachableReportInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The ring as this job read it just before (discovery's reading): the check before the first start relies on it
    /// instead of reading every peer again while it is at most <see cref="RingReadingFreshFor"/> old. Null: read afresh.
    /// Later checks always read afresh.
    /// </summary>
    public RingReading? RingReading { get; init; }

    public TimeSpan RingReadingFreshFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After a host's first gate read (timed by the job loop: hosts that end together share it), the gate reads again after this delay, growing ×1.5 up to <see cref="GateMaxDelay"/>.</summary>
    public TimeSpan GateInitialDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan GateMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Extra environment for every host's command (argument values: never on a command line).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The environment of <paramref name="host"/>'s command: <see cref="Environment"/> with the <c>{{name}}</c>
    /// placeholders of the LITERAL argument values replaced by the host's <see cref="JobDefinition.HostVariables"/>.
    /// Secret values are never touched, and nothing else is (the placement variables are the runner's).
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentFor(string host)
    {
        var variables = Definition.HostVariables;
        if (variables.IsEmpty)
        {
            return Environment;
        }

        var environment = new Dictionary<string, string>(Environment, StringComparer.Ordinal);
        foreach (var argument in Definition.Arguments)
        {
            if (argument.Literal is not null && environment.TryGetValue(argument.Name, out var value))
            {
                environment[argument.Name] = variables.Apply(value, host);
            }
        }

        return environment;
    }

    /// <summary>
    /// The back-pressure gate (<c>--max-pending-compactions</c>, <c># C* wait-for: compactions&lt;N</c>, <c>--no-streaming</c>):
    /// a host starts only while it and its replicas are below the limits, and a finished host counts back only when
    /// it is. Each hold is bounded by <see cref="WaitTimeout"/>.
    /// </summary>
    public BackPressureLimits BackPressure { get; init; } = BackPressureLimits.None;

    /// <summary>The longest a held node's figures are reused (it is read again after 1 s, then twice as late each time up to this).</summary>
    public TimeSpan BackPressurePollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A hold is reported in the events and the log when it begins, then this often (the views show every read).</summary>
    public TimeSpan BackPressureReportInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>After a host succeeds, no host starts for this long (<c>--node-done-pause-time</c>; <c>cstar set</c> changes it).</summary>
    public TimeSpan NodeDonePause { get; init; }

    /// <summary>How often the runner looks for operator requests (pause, resume, set) while it waits.</summary>
    public TimeSpan ControlPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long Ctrl+C waits for host tasks to detach before returning.</summary>
    public TimeSpan DetachGrace { get; init; } = TimeSpan.FromSeconds(1);
}
