using System.Collections.Immutable;
using Cstar.Core.Errors;
using Cstar.Ring.Hosts;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class HostSelectorTests
{
    private static async Task<string[]> Select(FakeHostResolver resolver, string[] hosts, string[]? dcs = null, string[]? racks = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var request = new HostSelectionRequest([.. hosts], [.. dcs ?? []], [.. racks ?? []]);
        var selection = await new HostSelector(resolver).SelectAsync(TopologyBuilder.Mixed(), request, timeout.Token);
        return [.. selection.Nodes.Select(n => n.Address)];
    }

    [Fact]
    public async Task IP_literals_match_in_every_spelling_without_asking_the_resolver()
    {
        var resolver = new FakeHostResolver();

        var selected = await Select(resolver, ["10.0.0.1", "2001:0db8:0:0:0:0:0:1", "[2001:db8::2]:22"]);

        selected.Should().Equal("10.0.0.1", "2001:db8::1", "2001:db8::2");
        resolver.Asked.Should().BeEmpty();
    }

    [Fact]
    public async Task Names_resolve_to_IPv4_or_IPv6_and_match_the_ring_address()
    {
        var resolver = new FakeHostResolver().Add("cass-1.example", "10.0.0.1").Add("cass-v6.example", "2001:db8:0::2");

        var selected = await Select(resolver, ["cass-1.example", "cass-v6.example"]);

        selected.Should().Equal("10.0.0.1", "2001:db8::2");
    }

    [Fact]
    public async Task A_name_resolving_to_an_address_outside_the_ring_is_an_error_listing_the_ring()
    {
        var resolver = new FakeHostResolver().Add("elsewhere.example", "192.0.2.7");

        var act = () => Select(resolver, ["10.0.0.1", "elsewhere.example"]);

        var error = (await act.Should().ThrowAsync<CstarException>()).Which;
        error.Message.Should().Be("Host 'elsewhere.example' is not a node of the ring. The ring's addresses are: 10.0.0.1, 10.0.0.2, 2001:db8::1, 2001:db8::2.");
        error.Hint.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_unresolvable_name_is_an_error_naming_it()
    {
        var act = () => Select(new FakeHostResolver(), ["typo.example"]);

        await act.Should().ThrowAsync<CstarException>().WithMessage("*'typo.example' could not be resolved*");
    }

    [Fact]
    public async Task Dc_and_rack_filters_apply_to_all_nodes_and_to_named_hosts()
    {
        var resolver = new FakeHostResolver().Add("cass-1.example", "10.0.0.1");

        (await Select(resolver, [], dcs: ["dc-2"])).Should().Equal("2001:db8::1", "2001:db8::2");
        (await Select(resolver, [], racks: ["rack 1"])).Should().Equal("10.0.0.1", "2001:db8::1");
        (await Select(resolver, [], dcs: ["dc1"], racks: ["rack.2"])).Should().Equal("10.0.0.2");
        (await Select(resolver, ["cass-1.example", "2001:db8::1"], dcs: ["dc1"])).Should().Equal("10.0.0.1");
    }

    [Fact]
    public async Task A_filter_naming_no_dc_is_an_error_listing_the_known_ones()
    {
        var act = () => Select(new FakeHostResolver(), [], dcs: ["DC1"]);

        (await act.Should().ThrowAsync<CstarException>().WithMessage("--dc-filter names no datacenter of the ring: DC1."))
            .Which.Hint.Should().Contain("dc1, dc-2");
    }

    [Fact]
    public async Task Filters_that_leave_no_named_host_are_an_error_not_an_empty_job()
    {
        var act = () => Select(new FakeHostResolver(), ["10.0.0.1"], dcs: ["dc-2"]);

        await act.Should().ThrowAsync<CstarException>().WithMessage("No host is left*");
    }

    [Fact]
    public async Task A_node_printed_by_name_matches_that_name()
    {
        var ring = TopologyBuilder.Ring(TopologyBuilder.Node("localhost", "dc1", "rack1"), TopologyBuilder.Node("127.0.0.2", "dc1", "rack1"));

        var selection = await new HostSelector(new FakeHostResolver())
            .SelectAsync(ring, new HostSelectionRequest(["LOCALHOST"], ImmutableArray<string>.Empty, ImmutableArray<string>.Empty), CancellationToken.None);

        selection.Nodes.Select(n => n.Address).Should().Equal("localhost");
        selection.MatchedNames["LOCALHOST"].Should().Equal("localhost");
    }
}
