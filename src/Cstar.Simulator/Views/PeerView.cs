using System.Net;
using Cstar.Core.Topology;
using Cstar.Simulator.Java;

namespace Cstar.Simulator.Views;

/// <summary>One node as a particular viewer sees it right now (its gossip view of Up/Down).</summary>
internal sealed record PeerView(
    int Index,
    IPAddress Ip,
    string HostAddress,
    string Datacenter,
    string Rack,
    Guid HostId,
    long[] Tokens,
    long LoadBytes,
    bool Up,
    NodeState State,
    Guid SchemaVersion,
    CassandraVersion Version,
    string? ReverseDnsName,
    bool AnswersSchemaQueries)
{
    public string HostAddressAndPort => JavaAddress.HostAddressAndPort(Ip);

    /// <summary>HostStat.ipOrDns: the reverse name with -r, else the address.</summary>
    public string IpOrDns(bool resolveIp) => resolveIp && ReverseDnsName is not null ? ReverseDnsName : HostAddress;

    /// <summary>Whether -r printed a name that differs from the address (4.0 then loses the row's data).</summary>
    public bool ResolvesToName(bool resolveIp) => resolveIp && ReverseDnsName is not null && ReverseDnsName != HostAddress;
}
