using System.Collections.Immutable;
using System.Globalization;
using Cstar.Core.Replication;

namespace Cstar.Simulator.Spec;

/// <summary>
/// Builds a <see cref="RingSpec"/>: generated rings (N nodes, D DCs, R racks per DC, V vnodes, tokens
/// drawn from a seed) or hand-placed nodes, optionally with the tokens of a captured `nodetool ring`.
/// Immutable: every With… returns a new builder.
/// </summary>
public sealed record RingBuilder
{
    private RingBuilder(string clusterName) => ClusterName = clusterName;

    public string ClusterName { get; init; }

    public ImmutableArray<NodeSpec> Nodes { get; init; } = [];

    public ImmutableArray<KeyspaceDefinition> Keyspaces { get; init; } = RingSpec.SystemKeyspaces;

    public Guid SchemaVersion { get; init; } = new("db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c");

    public TimeSpan MinGossipDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxGossipDelay { get; init; } = TimeSpan.FromSeconds(10);

    public int Seed { get; init; } = 1;

    /// <summary>A builder with the stock system keyspaces and no nodes (2.x nodes get their version's set at <see cref="Build"/>).</summary>
    public static RingBuilder Create(string clusterName = "Test Cluster") => new(clusterName);

    /// <summary>
    /// Adds <paramref name="nodeCount"/> nodes on 127.0.0.1, 127.0.0.2, …; node i goes to DC (i mod D)
    /// and, within it, to rack ((i div D) mod R). Tokens and host ids come from <paramref name="seed"/>.
    /// </summary>
    public RingBuilder WithGeneratedNodes(int nodeCount, int datacenters, int racksPerDatacenter, int vnodes, int seed, string cassandraVersion = "4.0.11")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(datacenters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(racksPerDatacenter, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(vnodes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vnodes, 256);
        var random = new Random(seed);
        var used = new HashSet<long>();
        var nodes = ImmutableArray.CreateBuilder<NodeSpec>(nodeCount);
        for (var i = 0; i < nodeCount; i++)
        {
            var address = LoopbackAddress(Nodes.Length + i);
            var tokens = new long[vnodes];
            for (var v = 0; v < vnodes; v++)
            {
                long token;
                do
                {
                    token = random.NextInt64(long.MinValue, long.MaxValue);
                }
                while (token == long.MinValue || !used.Add(token));

                tokens[v] = token;
            }

            var hostIdBytes = new byte[16];
            random.NextBytes(hostIdBytes);
            hostIdBytes[7] = (byte)((hostIdBytes[7] & 0x0F) | 0x40);
            hostIdBytes[8] = (byte)((hostIdBytes[8] & 0x3F) | 0x80);
            nodes.Add(new NodeSpec(
                address,
                "node" + (Nodes.Length + i + 1).ToString(CultureInfo.InvariantCulture),
                "dc" + ((i % datacenters) + 1).ToString(CultureInfo.InvariantCulture),
                "rack" + (((i / datacenters) % racksPerDatacenter) + 1).ToString(CultureInfo.InvariantCulture),
                new Guid(hostIdBytes),
                [.. tokens],
                LoadBytes: 100_000 + random.Next(0, 50_000),
                cassandraVersion));
        }

        return this with { Nodes = Nodes.AddRange(nodes.MoveToImmutable()), Seed = seed };
    }

    public RingBuilder WithNode(NodeSpec node) => this with { Nodes = Nodes.Add(node) };

    public RingBuilder WithKeyspace(KeyspaceDefinition keyspace) => this with { Keyspaces = Keyspaces.Add(keyspace) };

    public RingBuilder WithSchemaVersion(Guid schemaVersion) => this with { SchemaVersion = schemaVersion };

    public RingBuilder WithGossipDelay(TimeSpan min, TimeSpan max) =>
        max < min ? throw new ArgumentException("The maximum gossip delay is below the minimum.", nameof(max))
            : this with { MinGossipDelay = min, MaxGossipDelay = max };

    public RingBuilder WithSeed(int seed) => this with { Seed = seed };

    /// <summary>Gives every node the tokens listed for its address in a captured `nodetool ring` output.</summary>
    public RingBuilder WithTokensFromRingOutput(string ringOutput)
    {
        var tokens = RingOutputTokens.Read(ringOutput);
        return this with
        {
            Nodes = [.. Nodes.Select(n => tokens.TryGetValue(RingOutputTokens.Normalize(n.Address), out var t) ? n.WithTokens(t) : n)],
        };
    }

    public RingSpec Build()
    {
        if (Nodes.IsEmpty)
        {
            throw new InvalidOperationException("A ring needs at least one node.");
        }

        var duplicate = Nodes.GroupBy(n => n.Address, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Address {duplicate.Key} is used by two nodes.");
        }

        return new RingSpec(ClusterName, Nodes, StockForOldestVersion(), SchemaVersion, MinGossipDelay, MaxGossipDelay, Seed);
    }

    /// <summary>
    /// The default system keyspaces are the 3.0+ set; a ring whose oldest node runs 2.x gets that version's
    /// stock set instead (no system_schema; no system_distributed on 2.1). Keyspaces set by hand stay as given.
    /// </summary>
    private ImmutableArray<KeyspaceDefinition> StockForOldestVersion()
    {
        var defaults = RingSpec.SystemKeyspaces;
        if (Keyspaces.Length < defaults.Length || !Keyspaces.Take(defaults.Length).SequenceEqual(defaults))
        {
            return Keyspaces;
        }

        var oldest = Nodes.Select(n => Java.CassandraVersion.Parse(n.CassandraVersion)).MinBy(v => (v.Major, v.Minor))!;
        return oldest.Major >= 3 ? Keyspaces : [.. SystemKeyspaceDefaults.Stock(oldest.Text), .. Keyspaces.Skip(defaults.Length)];
    }

    /// <summary>127.0.0.1 for index 0, then counting up through 127.0.1.0 and beyond.</summary>
    public static string LoopbackAddress(int index)
    {
        var value = 0x7F000001 + index;
        return string.Join('.', (value >> 24) & 255, (value >> 16) & 255, (value >> 8) & 255, value & 255);
    }
}
