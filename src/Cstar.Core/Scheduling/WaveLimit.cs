namespace Cstar.Core.Scheduling;

/// <summary>The rule that stopped the scheduler from starting a candidate host (what bounded a wave).</summary>
public enum WaveLimit
{
    MaxConcurrency,
    MaxConcurrencyPerDc,
    Strategy,
    TopologyConflict,
    Consistency,
    HostDown,
    DcSerial,
    ClusterSerial,
    StopAfter,
}
