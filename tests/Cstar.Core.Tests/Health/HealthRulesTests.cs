using System.Collections.Immutable;
using Cstar.Core.Health;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Health;

public sealed class HealthRulesTests
{
    private static readonly string[] Addresses = ["10.0.0.1", "10.0.0.2", "10.0.0.3"];

    private const string Agreed = "db81f5d7-d91e-3347-a9bc-86f0a6ad8c8c";

    /// <summary>A view whose describecluster shows one schema version (as a healthy cluster's does).</summary>
    private static RingView View(string viewer, params (string Address, string Code)[] overrides) => WithSchema(
        PlainView(viewer, overrides), new() { [Agreed] = Addresses }, []);

    /// <summary>A view without describecluster (status only).</summary>
    private static RingView PlainView(string viewer, params (string Address, string Code)[] overrides) => RingView.Of(
        viewer,
        Addresses.Select(a => TestNodes.WithCode(TestNodes.Up(a, "c", "dc1", "r1"), overrides.FirstOrDefault(o => o.Address == a).Code ?? "UN")));

    private static RingView WithSchema(RingView view, Dictionary<string, string[]> schema, Dictionary<string, string> releases) => view with
    {
        SchemaVersions = schema.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray()),
        ReleaseVersions = releases.ToImmutableDictionary(),
    };

    [Fact]
    public void Before_the_first_start_a_target_down_in_any_view_blocks()
    {
        var views = new[] { View("10.0.0.1"), View("10.0.0.2", ("10.0.0.3", "DN")) };

        var verdict = HealthRules.BeforeFirstStart(Addresses, views, ignoreDownNodes: false, allowSchemaDisagreement: false);

        verdict.Kind.Should().Be(HealthVerdictKind.Block);
        verdict.Reason.Should().Contain("10.0.0.3 is DN in the view of 10.0.0.2");
    }

    [Fact]
    public void Ignore_down_nodes_tolerates_down_targets_with_a_note_but_not_a_joining_node()
    {
        var down = new[] { View("10.0.0.1", ("10.0.0.3", "DN")) };
        var joining = new[] { View("10.0.0.1", ("10.0.0.3", "UJ")) };

        HealthRules.BeforeFirstStart(Addresses, down, true, false).Notes.Should().ContainSingle().Which.Should().Contain("skipped");
        HealthRules.BeforeFirstStart(Addresses, joining, true, false).Reason.Should().Contain("joining, leaving or moving");
    }

    [Fact]
    public void Schema_disagreement_that_follows_release_versions_is_tolerated_and_reported()
    {
        var releases = new Dictionary<string, string> { ["10.0.0.1"] = "4.0.11", ["10.0.0.2"] = "4.1.3", ["10.0.0.3"] = "4.1.3" };
        var upgrade = WithSchema(PlainView("10.0.0.1"), new() { ["s-old"] = ["10.0.0.1"], ["s-new"] = ["10.0.0.2", "10.0.0.3"] }, releases);
        var drift = WithSchema(PlainView("10.0.0.1"), new() { ["s-old"] = ["10.0.0.1", "10.0.0.2"], ["s-new"] = ["10.0.0.3"] }, releases);

        var tolerated = HealthRules.BeforeFirstStart(Addresses, [upgrade], false, false);
        tolerated.IsOk.Should().BeTrue();
        tolerated.Notes.Should().ContainSingle().Which.Should().Contain("rolling upgrade");
        HealthRules.SchemaAgreement([drift], false).Kind.Should().Be(HealthVerdictKind.Block);
        HealthRules.SchemaAgreement([drift], true).Notes.Should().ContainSingle().Which.Should().Contain("--allow-schema-disagreement");
    }

    [Fact]
    public void A_schema_split_that_follows_no_release_is_refused_naming_the_hosts_per_version_the_rule_and_the_way_out()
    {
        var releases = Addresses.ToDictionary(a => a, _ => "4.0.11");
        var split = WithSchema(PlainView("10.0.0.1"), new() { [Agreed] = ["10.0.0.1", "10.0.0.2"], ["5d0b3c3e-0000-3000-8000-000000000001"] = ["10.0.0.3"] }, releases);

        var verdict = HealthRules.BeforeFirstStart(Addresses, [split], false, false);

        verdict.Kind.Should().Be(HealthVerdictKind.Block);
        verdict.Reason.Should().Be(
            "schema versions disagree in cluster c (describecluster on 10.0.0.1): 5d0b3c3e-0000-3000-8000-000000000001 (1 node): 10.0.0.3; "
            + $"{Agreed} (2 nodes): 10.0.0.1, 10.0.0.2. No host starts while the schema disagrees, unless the split follows the release versions "
            + "exactly (a rolling upgrade). Wait until `nodetool describecluster` shows one schema version, or use --allow-schema-disagreement");
        HealthRules.BeforeFirstStart(Addresses, [split], false, allowSchemaDisagreement: true).Notes.Should().ContainSingle()
            .Which.Should().StartWith("schema versions disagree in cluster c, allowed by --allow-schema-disagreement: 5d0b3c3e");
    }

    [Fact]
    public void On_3x_a_split_whose_releases_are_unknown_is_refused_and_the_refusal_says_why_a_rolling_upgrade_was_not_recognised()
    {
        var split = WithSchema(PlainView("10.0.0.1"), new() { [Agreed] = ["10.0.0.1", "10.0.0.2"], ["s-other"] = ["10.0.0.3"] }, new() { ["10.0.0.1"] = "3.11.10" });

        HealthRules.SchemaAgreement([split], false).Reason.Should().Contain("the release of 2 of these nodes is unknown").And.Contain("a 4.0+ seed does");
    }

    [Fact]
    public void Without_any_describecluster_the_schema_is_unknown_and_the_first_start_is_refused_unless_allowed()
    {
        var statusOnly = new[] { PlainView("10.0.0.1"), PlainView("10.0.0.2") };

        var verdict = HealthRules.BeforeFirstStart(Addresses, statusOnly, false, false);
        var allowed = HealthRules.BeforeFirstStart(Addresses, statusOnly, false, true);

        verdict.Kind.Should().Be(HealthVerdictKind.Block);
        verdict.Reason.Should().StartWith("no describecluster could be read in cluster c (asked 10.0.0.1, 10.0.0.2)").And.EndWith("Retry, or use --allow-schema-disagreement");
        allowed.IsOk.Should().BeTrue();
        allowed.Notes.Should().ContainSingle().Which.Should().Contain("started anyway");
    }

    [Fact]
    public void One_view_with_describecluster_is_enough_and_unreachable_nodes_are_not_a_version_only_an_up_one_is_noted()
    {
        var schema = new Dictionary<string, string[]> { [Agreed] = ["10.0.0.1", "10.0.0.2"], [RingView.Unreachable] = ["10.0.0.3"] };
        var down = WithSchema(PlainView("10.0.0.1", ("10.0.0.3", "DN")), schema, []);
        var up = WithSchema(PlainView("10.0.0.1"), schema, []);

        var whenDown = HealthRules.BeforeFirstStart(["10.0.0.1", "10.0.0.2"], [down, PlainView("10.0.0.2", ("10.0.0.3", "DN"))], false, false);
        var whenUp = HealthRules.BeforeFirstStart(["10.0.0.1", "10.0.0.2"], [up, PlainView("10.0.0.2")], false, false);

        whenDown.IsOk.Should().BeTrue(whenDown.ToString());
        whenDown.Notes.Should().BeEmpty("the status views already say it is down");
        whenUp.IsOk.Should().BeTrue(whenUp.ToString());
        whenUp.Notes.Should().ContainSingle().Which.Should().Be("10.0.0.3 UN but did not answer describecluster's schema request (UNREACHABLE): schema unknown");
    }

    [Fact]
    public void Two_clusters_are_judged_each_on_its_own_schema()
    {
        var other = RingView.Of("10.1.0.1", [TestNodes.Up("10.1.0.1", "other", "dc1", "r1")]) with
        {
            SchemaVersions = ImmutableDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("0f0f0f0f-0000-3000-8000-000000000000", ImmutableArray.Create("10.1.0.1"))]),
        };

        HealthRules.SchemaAgreement([View("10.0.0.1"), other], false).IsOk.Should().BeTrue();
        HealthRules.SchemaAgreement([View("10.0.0.1"), PlainView("10.1.0.1") with { Nodes = other.Nodes }], false).Reason.Should().Contain("in cluster other");
    }

    [Fact]
    public void A_rolling_upgrade_with_a_node_down_is_still_recognised_though_4_0_lists_the_down_nodes_release()
    {
        var releases = new Dictionary<string, string> { ["10.0.0.1"] = "4.0.11", ["10.0.0.2"] = "4.1.3", ["10.0.0.3"] = "4.1.3" };
        var upgrade = WithSchema(PlainView("10.0.0.1", ("10.0.0.3", "DN")), new() { ["s-old"] = ["10.0.0.1"], ["s-new"] = ["10.0.0.2"], [RingView.Unreachable] = ["10.0.0.3"] }, releases);

        var verdict = HealthRules.SchemaAgreement([upgrade], false);

        verdict.IsOk.Should().BeTrue(verdict.ToString());
        verdict.Notes.Should().Contain(n => n.Contains("rolling upgrade", StringComparison.Ordinal));
    }

    [Fact]
    public void A_finished_host_is_back_only_when_a_majority_of_its_peers_see_it_up_normal()
    {
        var host = "10.0.0.3";
        var views = new List<RingView> { View("10.0.0.1"), View("10.0.0.2", (host, "DN")), View(host) };

        HealthRules.HasReturned(host, views.Take(2).Append(View("10.0.0.9", (host, "DN"))).ToList(), false, false).Kind.Should().Be(HealthVerdictKind.Wait);
        HealthRules.HasReturned(host, [views[0], views[2]], false, false).IsOk.Should().BeTrue();
        HealthRules.HasReturned(host, [views[2]], false, false).Reason.Should().Contain("no peer view");
        HealthRules.HasReturned(host, [views[0]], requireCql: true, cqlAnswered: false).Reason.Should().Contain("CQL");
    }

    [Fact]
    public void Unavailable_nodes_are_those_any_view_shows_not_up_normal()
    {
        var views = new[] { View("10.0.0.1", ("10.0.0.2", "UL")), View("10.0.0.3", ("10.0.0.1", "DN")) };

        HealthRules.UnavailableNodes(views).Should().BeEquivalentTo("10.0.0.1", "10.0.0.2");
    }

    [Fact]
    public void No_view_at_all_blocks()
    {
        HealthRules.BeforeFirstStart(Addresses, [], false, false).Kind.Should().Be(HealthVerdictKind.Block);
    }
}
