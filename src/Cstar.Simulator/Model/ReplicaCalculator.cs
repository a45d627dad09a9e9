using Cstar.Core.Replication;

namespace Cstar.Simulator.Model;

/// <summary>
/// Replica placement as Cassandra computes it for Murmur3 tokens. SimpleStrategy: the next distinct nodes
/// clockwise. NetworkTopologyStrategy: one clockwise walk filling every DC, preferring racks not seen yet;
/// the 3.0+ algorithm accepts (RF - racks) rack repeats as met, the pre-3.0 one parks them and appends them
/// once every rack of the DC has been seen (the "skipped endpoints").
/// </summary>
internal static class ReplicaCalculator
{
    public static Placement Compute(TokenRing ring, Topology topology, KeyspaceDefinition keyspace, bool legacyNts)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(keyspace);
        var offsets = new int[ring.Count + 1];
        var endpoints = new List<int>(ring.Count * 3);
        var buffer = new List<int>();
        var nts = keyspace.Class == ReplicationClass.NetworkTopology;
        var state = nts ? new NtsState(topology, keyspace) : null;
        var simpleRf = keyspace.Class == ReplicationClass.Simple ? keyspace.FactorFor(string.Empty) : 0;
        for (var i = 0; i < ring.Count; i++)
        {
            buffer.Clear();
            if (state is null)
            {
                Simple(ring, i, simpleRf, buffer);
            }
            else if (legacyNts)
            {
                state.Legacy(ring, i, buffer);
            }
            else
            {
                state.Modern(ring, i, buffer);
            }

            offsets[i] = endpoints.Count;
            endpoints.AddRange(buffer);
        }

        offsets[ring.Count] = endpoints.Count;
        return new Placement(ring, offsets, [.. endpoints]);
    }

    private static void Simple(TokenRing ring, int start, int rf, List<int> replicas)
    {
        for (var k = 0; k < ring.Count && replicas.Count < rf; k++)
        {
            var ep = ring.Owners[(start + k) % ring.Count];
            if (!replicas.Contains(ep))
            {
                replicas.Add(ep);
            }
        }
    }

    private sealed class NtsState
    {
        private readonly Topology topology;
        private readonly int[] rf;
        private readonly int[] rfLeft;
        private readonly int[] repeatsLeft;
        private readonly List<int> seenRacks = [];
        private readonly List<int>[] skipped;
        private readonly int[] seenRackCount;

        public NtsState(Topology topology, KeyspaceDefinition keyspace)
        {
            this.topology = topology;
            var dcs = topology.DatacenterNames.Length;
            rf = new int[dcs];
            for (var d = 0; d < dcs; d++)
            {
                rf[d] = Math.Max(0, keyspace.FactorFor(topology.DatacenterNames[d]));
            }

            rfLeft = new int[dcs];
            repeatsLeft = new int[dcs];
            seenRackCount = new int[dcs];
            skipped = [.. Enumerable.Range(0, dcs).Select(_ => new List<int>())];
        }

        public void Modern(TokenRing ring, int start, List<int> replicas)
        {
            var toFill = 0;
            seenRacks.Clear();
            for (var d = 0; d < rf.Length; d++)
            {
                var active = rf[d] > 0 && topology.NodeCount[d] > 0;
                rfLeft[d] = active ? Math.Min(rf[d], topology.NodeCount[d]) : 0;
                repeatsLeft[d] = rf[d] - topology.RackCount[d];
                toFill += active ? 1 : 0;
            }

            for (var k = 0; toFill > 0 && k < ring.Count; k++)
            {
                var ep = ring.Owners[(start + k) % ring.Count];
                var dc = topology.DcOf[ep];
                if (rfLeft[dc] <= 0 || replicas.Contains(ep))
                {
                    continue;
                }

                var rack = topology.RackOf[ep];
                if (!seenRacks.Contains(rack))
                {
                    seenRacks.Add(rack);
                }
                else if (repeatsLeft[dc] > 0)
                {
                    repeatsLeft[dc]--;
                }
                else
                {
                    continue;
                }

                replicas.Add(ep);
                if (--rfLeft[dc] == 0)
                {
                    toFill--;
                }
            }
        }

        public void Legacy(TokenRing ring, int start, List<int> replicas)
        {
            seenRacks.Clear();
            var unsatisfied = 0;
            for (var d = 0; d < rf.Length; d++)
            {
                rfLeft[d] = Math.Min(rf[d], topology.NodeCount[d]);
                seenRackCount[d] = 0;
                skipped[d].Clear();
                unsatisfied += rfLeft[d] > 0 ? 1 : 0;
            }

            for (var k = 0; unsatisfied > 0 && k < ring.Count; k++)
            {
                var ep = ring.Owners[(start + k) % ring.Count];
                var dc = topology.DcOf[ep];
                if (rfLeft[dc] <= 0)
                {
                    continue;
                }

                if (seenRackCount[dc] == topology.RackCount[dc])
                {
                    unsatisfied -= Add(dc, ep, replicas);
                    continue;
                }

                var rack = topology.RackOf[ep];
                if (seenRacks.Contains(rack))
                {
                    if (!skipped[dc].Contains(ep))
                    {
                        skipped[dc].Add(ep);
                    }

                    continue;
                }

                unsatisfied -= Add(dc, ep, replicas);
                seenRacks.Add(rack);
                if (++seenRackCount[dc] == topology.RackCount[dc])
                {
                    for (var s = 0; s < skipped[dc].Count && rfLeft[dc] > 0; s++)
                    {
                        unsatisfied -= Add(dc, skipped[dc][s], replicas);
                    }
                }
            }
        }

        /// <summary>Adds a distinct replica; returns 1 when that satisfied its DC.</summary>
        private int Add(int dc, int ep, List<int> replicas)
        {
            if (replicas.Contains(ep))
            {
                return 0;
            }

            replicas.Add(ep);
            return --rfLeft[dc] == 0 ? 1 : 0;
        }
    }
}
