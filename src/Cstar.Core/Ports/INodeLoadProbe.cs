using Cstar.Core.BackPressure;

namespace Cstar.Core.Ports;

/// <summary>
/// Reads one node's load for the back-pressure gate: <c>nodetool compactionstats</c> when a compaction limit is
/// set, <c>nodetool netstats</c> under --no-streaming. Never throws for a node that cannot be read: it returns
/// <see cref="NodeLoad.Unreadable"/>, which holds the gate.
/// </summary>
public interface INodeLoadProbe
{
    Task<NodeLoad> ReadAsync(string host, BackPressureLimits limits, CancellationToken cancellationToken);
}
