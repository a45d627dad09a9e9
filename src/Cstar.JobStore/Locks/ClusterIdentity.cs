using System.Security.Cryptography;
using System.Text;

namespace Cstar.JobStore.Locks;

/// <summary>
/// The key of a cluster's machine-wide lock: SHA-256 of its name and its members' host ids (sorted, so any
/// discovery order gives the same key). Two clusters that share a name (every "Test Cluster") do not block
/// each other; two job stores that discovered the same ring do. A node added or replaced between two
/// discoveries changes the key (README says so).
/// </summary>
public static class ClusterIdentity
{
    public static string Key(string clusterName, IEnumerable<string> memberIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterName);
        ArgumentNullException.ThrowIfNull(memberIds);
        var text = clusterName + "\n" + string.Join("\n", memberIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
