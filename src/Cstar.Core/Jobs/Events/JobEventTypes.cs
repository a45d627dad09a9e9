namespace Cstar.Core.Jobs.Events;

/// <summary>The <c>"type"</c> values of the event stream; <c>jobs-schema/events.schema.json</c> describes each.</summary>
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
}
