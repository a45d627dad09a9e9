using Cstar.Core.Replication;

namespace Cstar.Core.Scheduling;

/// <summary>Small helpers of the index builder over replica lists.</summary>
internal static class ReplicaLists
{
    /// <summary>Same class, factors, treatment and replicas per range: the second keyspace adds no requirement.</summary>
    public static bool SameRequirements((KeyspaceReplicas Keyspace, KeyspaceCoverage Coverage) first, (KeyspaceReplicas Keyspace, KeyspaceCoverage Coverage) second)
    {
        var (a, b) = (first.Keyspace, second.Keyspace);
        if (a.Keyspace.Class != b.Keyspace.Class || first.Coverage != second.Coverage || a.Ranges.Length != b.Ranges.Length
            || !a.Keyspace.ReplicationFactors.SequenceEqual(b.Keyspace.ReplicationFactors))
        {
            return false;
        }

        for (var i = 0; i < a.Ranges.Length; i++)
        {
            var (x, y) = (a.Ranges[i], b.Ranges[i]);
            if (!ReferenceEquals(x, y) && (!string.Equals(x.EndToken, y.EndToken, StringComparison.Ordinal)
                || !x.Endpoints.AsSpan().SequenceEqual(y.Endpoints.AsSpan())))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Insertion sort: replica lists are short, and this runs once per range per keyspace.</summary>
    public static void SortByDcThenIndex(int[] members, int[] dcOf)
    {
        for (var i = 1; i < members.Length; i++)
        {
            var item = members[i];
            var key = ((long)dcOf[item] << 32) | (uint)item;
            var j = i - 1;
            while (j >= 0 && (((long)dcOf[members[j]] << 32) | (uint)members[j]) > key)
            {
                members[j + 1] = members[j];
                j--;
            }

            members[j + 1] = item;
        }
    }
}
