using System.Globalization;
using Cstar.Core.Replication;
using Cstar.Simulator.Spec;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

public sealed class SystemKeyspaceDefaultsTests
{
    [Theory]
    [InlineData("2.1.22", "system system_auth:1 system_traces:2")]
    [InlineData("2.2.19", "system system_auth:1 system_distributed:3 system_traces:2")]
    [InlineData("3.0.29", "system_schema system system_auth:1 system_distributed:3 system_traces:2")]
    [InlineData("3.11.10", "system_schema system system_auth:1 system_distributed:3 system_traces:2")]
    [InlineData("4.0-alpha4", "system_schema system system_auth:1 system_distributed:3 system_traces:2")]
    [InlineData("4.1.5", "system_schema system system_auth:1 system_distributed:3 system_traces:2")]
    [InlineData("5.0.2", "system_schema system system_auth:1 system_distributed:3 system_traces:2")]
    public void A_stock_cluster_has_the_system_keyspaces_its_version_creates_replicated_with_simple_strategy(string version, string expected)
    {
        var keyspaces = SystemKeyspaceDefaults.Stock(version);

        string.Join(' ', keyspaces.Select(Describe)).Should().Be(expected);
        keyspaces.Where(k => k.Class != ReplicationClass.Local).Should().OnlyContain(k => k.Class == ReplicationClass.Simple);
    }

    [Fact]
    public void The_hardened_profile_replicates_the_same_keyspaces_with_nts_in_every_dc_capped_by_its_nodes()
    {
        var keyspaces = SystemKeyspaceDefaults.Hardened("4.0-alpha4", new Dictionary<string, int> { ["dc1"] = 5, ["dc2"] = 2 });

        keyspaces.Select(k => k.Name).Should().Equal(SystemKeyspaceDefaults.Stock("4.0-alpha4").Select(k => k.Name));
        keyspaces.Single(k => k.Name == "system_auth").Should().Match<KeyspaceDefinition>(k =>
            k.Class == ReplicationClass.NetworkTopology && k.FactorFor("dc1") == 3 && k.FactorFor("dc2") == 2);
        keyspaces.Single(k => k.Name == "system_traces").FactorFor("dc1").Should().Be(2);
        keyspaces.Single(k => k.Name == "system").Class.Should().Be(ReplicationClass.Local);
    }

    [Theory]
    [InlineData("stock", SystemKeyspaceProfile.Stock)]
    [InlineData("Hardened", SystemKeyspaceProfile.Hardened)]
    public void Profiles_are_read_by_name(string text, SystemKeyspaceProfile expected)
    {
        SystemKeyspaceDefaults.TryParseProfile(text, out var profile).Should().BeTrue();
        profile.Should().Be(expected);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("nts")]
    public void Other_profile_names_are_refused(string text) =>
        SystemKeyspaceDefaults.TryParseProfile(text, out _).Should().BeFalse();

    [Fact]
    public void A_2_1_ring_built_on_the_default_keyspaces_lists_only_what_2_1_ships_in_tablestats()
    {
        var spec = RingBuilder.Create().WithKeyspace(KeyspaceDefinition.Simple("app", 3)).WithGeneratedNodes(3, 1, 1, 4, seed: 1, cassandraVersion: "2.1.22").Build();
        var ring = new SimulatedRing(spec, new ManualClock());

        spec.Keyspaces.Select(k => k.Name).Should().Equal("system", "system_auth", "system_traces", "app");
        ring.RunNodetool("127.0.0.1", ["tablestats"]).StandardOutput.Should().NotContain("system_schema").And.NotContain("system_distributed");
    }

    [Fact]
    public void Simple_strategy_system_keyspaces_take_the_next_distinct_nodes_clockwise_whatever_their_dc_or_rack()
    {
        var spec = RingBuilder.Create().WithGeneratedNodes(12, 2, 3, 16, seed: 7).Build();
        var ring = new SimulatedRing(spec, new ManualClock());
        var owners = spec.Nodes.SelectMany(n => n.Tokens.Select(t => (Token: t, n.Address))).OrderBy(o => o.Token).ToList();

        var distributed = ring.ReplicaMap().Keyspaces.Single(k => k.Keyspace.Name == "system_distributed");

        distributed.Ranges.Should().HaveCount(owners.Count);
        foreach (var range in distributed.Ranges)
        {
            var start = owners.FindIndex(o => o.Token == long.Parse(range.EndToken, CultureInfo.InvariantCulture));
            var expected = Enumerable.Range(0, owners.Count).Select(k => owners[(start + k) % owners.Count].Address).Distinct().Take(3);
            range.Endpoints.Should().Equal(expected);
        }

        distributed.Ranges.Should().Contain(r => r.Endpoints.Select(a => spec.Nodes.Single(n => n.Address == a).Datacenter).Distinct().Count() == 1,
            "SimpleStrategy ignores data centers, so some ranges keep all 3 replicas in one DC");
    }

    private static string Describe(KeyspaceDefinition keyspace) =>
        keyspace.Class == ReplicationClass.Local ? keyspace.Name : keyspace.Name + ":" + keyspace.FactorFor(string.Empty).ToString(CultureInfo.InvariantCulture);
}
