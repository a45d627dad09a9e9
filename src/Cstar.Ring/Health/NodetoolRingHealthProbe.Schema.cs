using System.Collections.Immutable;
using Cstar.Core.Health;
using Cstar.Ring.Describecluster;

namespace Cstar.Ring.Health;

/// <summary>
/// The check before the first start, when it reads the ring itself: describecluster beside the status reads. One
/// describecluster is enough: the peer asks every live node for its schema version (Cassandra's
/// StorageProxy.describeSchemaVersions), and from 4.0 on lists every node's release (gossip's RELEASE_VERSION).
/// </summary>
public sealed partial class NodetoolRingHealthProbe
{
    public async Task<IReadOnlyList<RingView>> ReadViewsWithSchemaAsync(IReadOnlySet<string> avoid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(avoid);

        // On the peer the status read asks first, at the same time: about no wall time more than the status read. The
        // status read picks its peers before describecluster marks that peer busy (which would send it elsewhere).
        var viewer = Candidates(avoid, ImmutableHashSet<string>.Empty).FirstOrDefault();
        var reading = ReadAsync(avoid, ImmutableHashSet<string>.Empty, null, cancellationToken);
        var describing = viewer is null ? Task.FromResult<DescribeclusterOutput?>(null) : DescribeAsync(viewer, cancellationToken);
        var views = await reading.ConfigureAwait(false);
        var described = await describing.ConfigureAwait(false);
        if (described is null || !views.Any(v => v.Viewer == viewer))
        {
            // That peer's describecluster or status failed (rare): ask the peers whose status answered, one after the other.
            var asked = viewer;
            (viewer, described) = (null, null);
            foreach (var view in views.Where(v => v.Viewer != asked))
            {
                if (await DescribeAsync(view.Viewer, cancellationToken).ConfigureAwait(false) is { } output)
                {
                    (viewer, described) = (view.Viewer, output);
                    break;
                }
            }
        }

        // No describecluster at all: the views carry no schema versions, and the schema rule says so (it refuses to guess).
        cancellationToken.ThrowIfCancellationRequested();
        return [.. views.Select(v => described is not null && v.Viewer == viewer
            ? v with { SchemaVersions = described.SchemaVersions, ReleaseVersions = described.DatabaseVersions }
            : v)];
    }

    private Task<DescribeclusterOutput?> DescribeAsync(string peer, CancellationToken cancellationToken) =>
        AskAsync(peer, "describecluster", DescribeclusterParser.Parse, cancellationToken);
}
