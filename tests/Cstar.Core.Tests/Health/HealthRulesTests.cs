using System.Collections.Immutable;
using Cstar.Core.Health;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Health;

public sealed class HealthRulesTests
{
    private static readonly string[] Addresses = ["10.0.0.1", "10.0.0.2", "10.0.0.3"];

    private static RingView View(string viewer, params (string Address, string Code)[] overrides) => RingView.Of(
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
        var upgrade = WithSchema(View("10.0.0.1"), new() { ["s-old"] = ["10.0.0.1"], ["s-new"] = ["10.0.0.2", "10.0.0.3"] }, releases);
        var drift = WithSchema(View("10.0.0.1"), new() { ["s-old"] = ["10.0.0.1", "10.0.0.2"], ["s-new"] = ["10.0.0.3"] }, releases);

        var tolerated = HealthRules.BeforeFirstStart(Addresses, [upgrade], false, false);
        tolerated.IsOk.Should().BeTrue();
        tolerated.Notes.Should().ContainSingle().Which.Should().Contain("rolling upgrade");
        HealthRules.SchemaAgreement([drift], false).Kind.Should().Be(HealthVerdictKind.Block);
        HealthRules.SchemaAgreement([drift], true).Notes.Should().ContainSingle().Which.Should().Contain("--allow-schema-disagreement");
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
