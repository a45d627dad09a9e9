using System.Globalization;
using System.Text;

namespace Cstar.Benchmarks;

/// <summary>
/// A generated ring for benchmarks: random Murmur3-like tokens, nodes spread over DCs and 3 racks per DC,
/// and for each range the next <c>replicasPerDc</c> distinct nodes clockwise in every DC (SimpleStrategy
/// walk per DC, racks ignored: plausible endpoints, not Cassandra's exact placement).
/// </summary>
internal sealed class SyntheticRing
{
    private readonly string[] _addresses;
    private readonly int[] _dcOfNode;
    private readonly string[] _rackOfNode;
    private readonly string[] _dcs;
    private readonly string[] _tokenText;
    private readonly StringBuilder _line = new(2048);
    private readonly char[] _buffer = new char[4096];

    private SyntheticRing(string[] addresses, int[] dcOfNode, string[] rackOfNode, string[] dcs, long[] tokens, int[] owners, int[] replicas)
    {
        _addresses = addresses;
        _dcOfNode = dcOfNode;
        _rackOfNode = rackOfNode;
        _dcs = dcs;
        Tokens = tokens;
        Owners = owners;
        Replicas = replicas;
        _tokenText = tokens.Select(t => t.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    public delegate void LineSink(ReadOnlySpan<char> line);

    public long[] Tokens { get; }

    public int[] Owners { get; }

    /// <summary>Replicas of range i at [i * R, (i + 1) * R), R = DCs × replicas per DC.</summary>
    public int[] Replicas { get; }

    public static SyntheticRing Create(int nodes, int vnodes, string[] dcs, int replicasPerDc, int seed)
    {
        var random = new Random(seed);
        var addresses = new string[nodes];
        var dcOfNode = new int[nodes];
        var rackOfNode = new string[nodes];
        for (var n = 0; n < nodes; n++)
        {
            dcOfNode[n] = n % dcs.Length;
            rackOfNode[n] = "rack" + ((n / dcs.Length % 3) + 1).ToString(CultureInfo.InvariantCulture);
            addresses[n] = string.Create(CultureInfo.InvariantCulture, $"10.{dcOfNode[n] + 1}.{n / 250}.{(n % 250) + 1}");
        }

        var pairs = new (long Token, int Node)[nodes * vnodes];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (random.NextInt64(long.MinValue, long.MaxValue), i / vnodes);
        }

        Array.Sort(pairs, (a, b) => a.Token.CompareTo(b.Token));
        var tokens = pairs.Select(p => p.Token).ToArray();
        var owners = pairs.Select(p => p.Node).ToArray();
        var perRange = dcs.Length * replicasPerDc;
        var replicas = new int[tokens.Length * perRange];
        var chosen = new List<int>(perRange);
        for (var i = 0; i < tokens.Length; i++)
        {
            chosen.Clear();
            var perDc = new int[dcs.Length];
            for (var step = 0; step < tokens.Length && chosen.Count < perRange; step++)
            {
                var node = owners[(i + step) % tokens.Length];
                var dc = dcOfNode[node];
                if (perDc[dc] < replicasPerDc && !chosen.Contains(node))
                {
                    chosen.Add(node);
                    perDc[dc]++;
                }
            }

            chosen.CopyTo(replicas, i * perRange);
        }

        return new SyntheticRing(addresses, dcOfNode, rackOfNode, dcs, tokens, owners, replicas);
    }

    /// <summary>'nodetool status' in the 4.0 TableBuilder layout.</summary>
    public string StatusText()
    {
        var text = new StringBuilder();
        for (var dc = 0; dc < _dcs.Length; dc++)
        {
            text.Append("Datacenter: ").Append(_dcs[dc]).Append("\n===============\nStatus=Up/Down\n|/ State=Normal/Leaving/Joining/Moving\n");
            text.Append("--  Address       Load        Tokens  Owns (effective)  Host ID                               Rack \n");
            for (var n = 0; n < _addresses.Length; n++)
            {
                if (_dcOfNode[n] == dc)
                {
                    var id = new Guid(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
                    text.Append(CultureInfo.InvariantCulture, $"UN  {_addresses[n],-12}  1.52 GiB    256     ?                 {id}  {_rackOfNode[n]}\n");
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes 'nodetool describering' line by line into <paramref name="sink"/> (the span is reused).</summary>
    public void WriteDescribering(LineSink sink)
    {
        foreach (var header in DescriberingHeader)
        {
            sink(header);
        }

        for (var i = 0; i < Tokens.Length; i++)
        {
            var line = AppendDescriberingRange(_line.Clear(), i);
            line.CopyTo(0, _buffer, line.Length);
            sink(_buffer.AsSpan(0, line.Length));
        }
    }

    /// <summary>The lines 'nodetool describering' prints before its ranges.</summary>
    public static IReadOnlyList<string> DescriberingHeader { get; } = ["Schema Version:fa4f8bee-474a-3603-8b45-d12b53b619bf", "TokenRange: "];

    /// <summary>Appends the describering line of range <paramref name="i"/> (without its newline); safe to call from several threads with their own builders.</summary>
    public StringBuilder AppendDescriberingRange(StringBuilder line, int i)
    {
        var perRange = Replicas.Length / Tokens.Length;
        line.Append("\tTokenRange(start_token:").Append(_tokenText[(i + Tokens.Length - 1) % Tokens.Length])
            .Append(", end_token:").Append(_tokenText[i]).Append(", endpoints:[");
        AppendList(line, i * perRange, perRange);
        line.Append("], rpc_endpoints:[");
        AppendList(line, i * perRange, perRange);
        line.Append("], endpoint_details:[");
        for (var r = 0; r < perRange; r++)
        {
            var node = Replicas[(i * perRange) + r];
            line.Append(r == 0 ? "EndpointDetails(host:" : ", EndpointDetails(host:").Append(_addresses[node])
                .Append(", datacenter:").Append(_dcs[_dcOfNode[node]]).Append(", rack:").Append(_rackOfNode[node]).Append(')');
        }

        return line.Append("])");
    }

    /// <summary>'nodetool describecluster' in the 4.0 layout: DC counts, every node's schema and version, the keyspaces with NTS <paramref name="replicasPerDc"/> in every DC.</summary>
    public string DescribeclusterText(IEnumerable<string> keyspaces, int replicasPerDc)
    {
        var all = string.Join(", ", _addresses);
        var text = new StringBuilder("Cluster Information:\n\tName: bench\n\tSnitch: org.apache.cassandra.locator.GossipingPropertyFileSnitch\n");
        text.Append("\tDynamicEndPointSnitch: enabled\n\tPartitioner: org.apache.cassandra.dht.Murmur3Partitioner\n\tSchema versions:\n");
        text.Append("\t\tfa4f8bee-474a-3603-8b45-d12b53b619bf: [").Append(all).Append("]\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Stats for all nodes:\n\tLive: {_addresses.Length}\n\tJoining: 0\n\tMoving: 0\n\tLeaving: 0\n\tUnreachable: 0\n\nData Centers: \n");
        for (var dc = 0; dc < _dcs.Length; dc++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\t{_dcs[dc]} #Nodes: {_dcOfNode.Count(d => d == dc)} #Down: 0\n");
        }

        text.Append("\nDatabase versions:\n\t4.0.11: [").Append(string.Join(", ", _addresses.Select(a => a + ":7000"))).Append("]\n\nKeyspaces:\n");
        text.Append("\tsystem_schema -> Replication class: LocalStrategy {}\n\tsystem -> Replication class: LocalStrategy {}\n");
        var factors = string.Join(", ", _dcs.Select(dc => string.Create(CultureInfo.InvariantCulture, $"{dc}={replicasPerDc}")));
        foreach (var keyspace in keyspaces)
        {
            text.Append('\t').Append(keyspace).Append(" -> Replication class: NetworkTopologyStrategy {").Append(factors).Append("}\n");
        }

        return text.ToString();
    }

    private void AppendList(StringBuilder line, int start, int count)
    {
        for (var r = 0; r < count; r++)
        {
            line.Append(r == 0 ? string.Empty : ", ").Append(_addresses[Replicas[start + r]]);
        }
    }
}
