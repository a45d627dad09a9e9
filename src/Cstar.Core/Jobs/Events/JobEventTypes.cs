namespace Cstar.Core.Jobs.Events;

/// <summary>
/// The <c>"type"</c> of each event. The first ten are the <c>--events</c> NDJSON stream
/// (<c>jobs-schema/events.schema.json</c> describes each); the others are for the console views and the log only.
/// </summary>
public static class JobEventTypes
{
    public const string JobStart = "job-start";
    public const string HostStart = "host-start";
    public const string HostFinish = "host-finish";
    public const string GateWait = "gate-wait";
    public const string GatePass = "gate-pass";
    public const string Halt = "halt";
    public const string JobEnd = "job-end";
    public const string BackPressureWait = "back-pressure-wait";
    public const string BackPressurePass = "back-pressure-pass";
    public const string Control = "control";

    public const string HostChange = "host-change";
    public const string HostOutput = "host-output";
    public const string Decision = "decision";
    public const string Gate = "gate";
    public const string HostUnreachable = "host-unreachable";
    public const string SubscriberFailed = "subscriber-failed";
}
