namespace Cstar.Simulator.Model;

/// <summary>
/// Datacenter and rack of every node as small integers, plus per-DC node and rack counts of the nodes
/// that are in the placement ring: what replica placement needs, without strings in the hot loop.
/// </summary>
internal sealed class Topology
{
    public Topology(IReadOnlyList<string> datacenters, IReadOnlyList<string> racks, Func<int, bool> inRing)
    {
        ArgumentNullException.ThrowIfNull(datacenters);
        ArgumentNullException.ThrowIfNull(racks);
        ArgumentNullException.ThrowIfNull(inRing);
        DatacenterNames = [.. datacenters.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        DcOf = new int[datacenters.Count];
        RackOf = new int[datacenters.Count];
        var rackIds = new Dictionary<(int, string), int>();
        var nodesPerDc = new int[DatacenterNames.Length];
        var racksPerDc = new HashSet<int>[DatacenterNames.Length];
        for (var d = 0; d < racksPerDc.Length; d++)
        {
            racksPerDc[d] = [];
        }

        for (var n = 0; n < datacenters.Count; n++)
        {
            var dc = Array.BinarySearch(DatacenterNames, datacenters[n], StringComparer.Ordinal);
            DcOf[n] = dc;
            if (!rackIds.TryGetValue((dc, racks[n]), out var rack))
            {
                rackIds[(dc, racks[n])] = rack = rackIds.Count;
            }

            RackOf[n] = rack;
            if (inRing(n))
            {
                nodesPerDc[dc]++;
                racksPerDc[dc].Add(rack);
            }
        }

        NodeCount = nodesPerDc;
        RackCount = [.. racksPerDc.Select(r => r.Count)];
        RackIdCount = rackIds.Count;
    }

    /// <summary>DC names sorted ordinally (TreeMap order, as nodetool groups them).</summary>
    public string[] DatacenterNames { get; }

    public int[] DcOf { get; }

    public int[] RackOf { get; }

    public int[] NodeCount { get; }

    public int[] RackCount { get; }

    public int RackIdCount { get; }
}
