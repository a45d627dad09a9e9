namespace Cstar.Core.Scheduling;

/// <summary>
/// Per-cluster scratch arrays of one decision (unavailable count per requirement, busy groups, in-flight per
/// DC, rack in flight, and per node the requirement or group blocking it). Megabytes on big rings, so the
/// index keeps one cleared spare for the next decision.
/// </summary>
internal sealed class ClusterScratch(ClusterIndex cluster)
{
    public void Reset()
    {
        Array.Clear(Unavailable);
        Array.Clear(GroupBusy);
        Array.Clear(InFlightPerDc);
        Array.Clear(RackInFlight);
        Array.Fill(TightBy, -1);
        Array.Fill(BusyBy, -1);
    }

    public int[] Unavailable { get; } = new int[cluster.ConstraintCount];

    public bool[] GroupBusy { get; } = new bool[cluster.GroupCount];

    public int[] InFlightPerDc { get; } = new int[cluster.DcNames.Length];

    public string?[] RackInFlight { get; } = new string?[cluster.DcNames.Length];

    /// <summary>Per node: a requirement with no room left that it belongs to, or -1.</summary>
    public int[] TightBy { get; } = Filled(cluster.Addresses.Length);

    /// <summary>Per node: a busy replica group (topology strategy) it belongs to, or -1.</summary>
    public int[] BusyBy { get; } = Filled(cluster.Addresses.Length);

    private static int[] Filled(int length)
    {
        var array = new int[length];
        Array.Fill(array, -1);
        return array;
    }
}
