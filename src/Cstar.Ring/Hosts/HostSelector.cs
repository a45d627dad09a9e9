using System.Collections.Immutable;
using System.Net;
using Cstar.Core.Errors;
using Cstar.Core.Topology;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Hosts;

/// <summary>
/// Matches --host / --host-file names to ring nodes and applies --dc-filter / --rack-filter. IP literals
/// (v4, v6 full or compressed, [v6], ip:port) are compared as addresses; other names go through the
/// resolver and match any of their addresses, or match a node that nodetool printed by name. A name that
/// matches no node is an error listing the ring's addresses: never a job that runs on zero hosts.
/// </summary>
public sealed class HostSelector(IHostResolver resolver)
{
    private const int MaxListed = 60;

    public async Task<HostSelection> SelectAsync(RingTopology ring, HostSelectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(request);
        var nodes = ring.AllNodes.ToList();
        var matched = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        List<Node> chosen;
        if (request.Hosts.IsDefaultOrEmpty)
        {
            chosen = nodes;
        }
        else
        {
            chosen = [];
            foreach (var name in request.Hosts)
            {
                var hits = await MatchAsync(name, nodes, cancellationToken).ConfigureAwait(false);
                if (hits.Count == 0)
                {
                    throw new CstarException(
                        $"Host '{name}' is not a node of the ring. The ring's addresses are: {List(nodes.Select(n => n.Address))}.",
                        "Use an address from the list (nodetool prints them), or a name that resolves to one of them.");
                }

                foreach (var hit in hits.Where(h => !chosen.Contains(h)))
                {
                    chosen.Add(hit);
                }

                matched[name] = [.. hits.Select(h => h.Address)];
            }
        }

        chosen = Filter(chosen, request.DatacenterFilter, n => n.Datacenter, "--dc-filter", "datacenter", nodes);
        chosen = Filter(chosen, request.RackFilter, n => n.Rack, "--rack-filter", "rack", nodes);
        if (chosen.Count == 0)
        {
            throw new CstarException(
                "No host is left after --dc-filter/--rack-filter: the named hosts are in other DCs or racks.",
                $"Known DC/rack pairs: {List(nodes.Select(n => $"{n.Datacenter}/{n.Rack}"))}.");
        }

        return new HostSelection([.. chosen], matched.ToImmutable());
    }

    /// <summary>
    /// The nodes of <paramref name="ring"/> that <paramref name="name"/> designates, matched as for --host; empty when
    /// none does, or when the name does not resolve (for callers that warn rather than refuse, e.g. --hosts-variables).
    /// </summary>
    public async Task<IReadOnlyList<Node>> FindAsync(RingTopology ring, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return await MatchAsync(name, [.. ring.AllNodes], cancellationToken).ConfigureAwait(false);
        }
        catch (CstarException)
        {
            return [];
        }
    }

    private async Task<List<Node>> MatchAsync(string name, List<Node> nodes, CancellationToken cancellationToken)
    {
        var text = name.Trim();
        if (NodeAddress.TryParse(text, out var literal, out _) && NodeAddress.ToIpAddress(literal) is { } ip)
        {
            return nodes.Where(n => Same(n.Address, ip)).ToList();
        }

        var byName = nodes.Where(n => string.Equals(n.Address, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byName.Count > 0)
        {
            return byName;
        }

        IReadOnlyList<IPAddress> addresses;
        try
        {
            addresses = await resolver.ResolveAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (HostResolutionException e)
        {
            throw new CstarException($"Host {e.Message}.", "Check the name (typo? DNS?) or give the node's address instead.");
        }

        return nodes.Where(n => addresses.Any(a => Same(n.Address, a))).ToList();
    }

    private static bool Same(string nodeAddress, IPAddress ip)
    {
        var nodeIp = NodeAddress.ToIpAddress(nodeAddress);
        if (nodeIp is null)
        {
            return false;
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (nodeIp.IsIPv4MappedToIPv6)
        {
            nodeIp = nodeIp.MapToIPv4();
        }

        return nodeIp.Equals(ip);
    }

    private static List<Node> Filter(List<Node> chosen, ImmutableArray<string> filter, Func<Node, string> key, string flag, string what, List<Node> all)
    {
        if (filter.IsDefaultOrEmpty)
        {
            return chosen;
        }

        var unknown = filter.Where(f => !all.Any(n => string.Equals(key(n), f, StringComparison.Ordinal))).ToList();
        if (unknown.Count > 0)
        {
            throw new CstarException(
                $"{flag} names no {what} of the ring: {string.Join(", ", unknown)}.",
                $"Known {what}s: {List(all.Select(key))} (names are case-sensitive).");
        }

        return chosen.Where(n => filter.Contains(key(n), StringComparer.Ordinal)).ToList();
    }

    private static string List(IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", distinct.Take(MaxListed));
        return distinct.Count > MaxListed ? $"{shown} and {distinct.Count - MaxListed} more" : shown;
    }
}
