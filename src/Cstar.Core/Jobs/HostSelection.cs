using System.Collections.Immutable;

namespace Cstar.Core.Jobs;

/// <summary>
/// How the operator chose the hosts, exactly as given (seeds, --host list, --host-file contents,
/// filters, keyspace), so <c>continue</c> can rebuild the same selection. The original cstar lost the
/// filters and could not resume --host or --dc-filter jobs.
/// </summary>
public sealed record HostSelection(
    ImmutableArray<string> SeedHosts,
    ImmutableArray<string> Hosts,
    string? HostFilePath,
    string? HostFileContents,
    string? DcFilter,
    string? RackFilter,
    string? Keyspace)
{
    public static HostSelection FromSeeds(params string[] seeds) =>
        new([.. seeds], [], null, null, null, null, null);
}
