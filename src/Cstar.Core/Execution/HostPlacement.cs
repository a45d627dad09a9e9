namespace Cstar.Core.Execution;

/// <summary>Where a host sits in the ring: what cstarpar substitutes for {dc}, {rack}, {cluster}.</summary>
public sealed record HostPlacement(string Host, string Cluster, string Datacenter, string Rack)
{
    public static HostPlacement Unknown(string host) => new(host, string.Empty, string.Empty, string.Empty);
}
