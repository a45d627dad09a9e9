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

    /// <summary>
    /// The same read, but it may stop as soon as <paramref name="enough"/> holds for the views read so far and the
    /// number of answers that may still come (the gate's first quorum): the peers not yet answered are dropped, and a
    /// probe may ask a majority first and the others only when needed. A probe that cannot stop early reads them all.
    /// </summary>
    /// <param name="judged">The hosts the gate judges: asked after the other peers, since a host's own view never counts for itself.</param>
    Task<IReadOnlyList<RingView>> ReadViewsAsync(IReadOnlySet<string> avoid, IReadOnlySet<string> judged, Func<IReadOnlyList<RingView>, int, bool> enough, CancellationToken cancellationToken) =>
        ReadViewsAsync(avoid, cancellationToken);

    /// <summary>
    /// The check before the first start, when it reads the ring itself: the same views, and the schema versions (and,
    /// where Cassandra lists them, the release versions) one peer's <c>nodetool describecluster</c> reports, on that
    /// peer's view. No default: a probe that leaves them out would make the schema rule refuse every job.
    /// </summary>
    Task<IReadOnlyList<RingView>> ReadViewsWithSchemaAsync(IReadOnlySet<string> avoid, CancellationToken cancellationToken);

    Task<CqlCheck> CheckCqlAsync(string host, CancellationToken cancellationToken);
}
