using Cstar.Core.Execution;
using Cstar.Core.Health;

namespace Cstar.Core.Ports;

/// <summary>
/// Reads the ring's health for the gate: one <c>nodetool status</c> view from each of up to three peers
/// (never one of <paramref name="avoid"/>: hosts in flight are no witnesses), and the CQL readiness of a host.
/// A peer that cannot be read is left out; an empty list means no view could be read.
/// </summary>
public interface IRingHealthProbe
{
    Task<IReadOnlyList<RingView>> ReadViewsAsync(IReadOnlySet<string> avoid, CancellationToken cancellationToken);

    Task<CqlCheck> CheckCqlAsync(string host, CancellationToken cancellationToken);
}
