namespace Cstar.JobStore.Timeline;

/// <summary>What a bar of the timeline stands for.</summary>
public enum TimelineSpanKind
{
    /// <summary>The host's command runs (from its start to its end).</summary>
    Running,

    /// <summary>The command ended; the job waits until the host's peers see it back (UN, and CQL when asked).</summary>
    ComingBack,

    /// <summary>The host's start is held by a gate (a back-pressure or health gate naming the host).</summary>
    GateWait,

    /// <summary>The whole job waits: a node outside the job is down, or the job is paused.</summary>
    JobWait,
}
