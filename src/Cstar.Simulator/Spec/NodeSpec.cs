using System.Collections.Immutable;

namespace Cstar.Simulator.Spec;

/// <summary>
/// One node as the ring is built: where it sits, who it is (host id), which tokens it owns, how much data
/// it holds and which Cassandra version it runs. <see cref="ReverseDnsName"/> is what `status -r` prints
/// (null: the address has no reverse name, so the address is printed).
/// </summary>
public sealed record NodeSpec(
    string Address,
    string HostName,
    string Datacenter,
    string Rack,
    Guid HostId,
    ImmutableArray<long> Tokens,
    long LoadBytes,
    string CassandraVersion,
    string? ReverseDnsName = null)
{
    /// <summary>Returns a copy with the given tokens (any order; they are sorted when the ring is built).</summary>
    public NodeSpec WithTokens(IEnumerable<long> tokens) => this with { Tokens = [.. tokens] };
}
