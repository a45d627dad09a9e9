using System.Net;
using Cstar.Cli.Jobs;
using Cstar.Core.Errors;
using Cstar.Core.Topology;
using Cstar.Ring.Hosts;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

public sealed class HostVariablesResolverTests
{
    private static readonly TestRing Ring = new TestRing().WithNodes(3);
    private static readonly string[] Targets = ["10.0.0.1", "10.0.0.2", "10.0.0.3"];

    private static async Task<(Core.Commands.HostVariables Variables, string Warnings)> ResolveAsync(string json, params string[] texts)
    {
        using var warnings = new StringWriter();
        var resolver = new TableResolver { ["cass-2.example.org"] = "10.0.0.2", ["cass-3.example.org"] = "10.0.0.3", ["elsewhere.example.org"] = "192.0.2.7" };
        var variables = await HostVariablesResolver.ResolveAsync(
            HostVariablesFile.Parse("vars.json", json), texts, Ring.Topology, Targets, resolver, warnings, CancellationToken.None);
        return (variables, warnings.ToString());
    }

    [Fact]
    public async Task Keys_are_node_addresses_or_names_resolving_to_them_and_values_end_up_under_the_address()
    {
        var (variables, warnings) = await ResolveAsync(
            """{"10.0.0.1": {"a": "one"}, "cass-2.example.org": {"a": "two"}, "::ffff:10.0.0.3": {"a": "three"}}""", "x{{a}}");

        variables.Hosts.Keys.Should().BeEquivalentTo(Targets);
        Targets.Select(t => variables.Apply("x{{a}}", t)).Should().Equal("xone", "xtwo", "xthree");
        warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task A_key_that_is_no_node_of_the_ring_is_a_warning_not_an_error()
    {
        var (variables, warnings) = await ResolveAsync(
            """{"10.0.0.1": {"a": "1"}, "10.0.0.2": {"a": "2"}, "10.0.0.3": {"a": "3"}, "10.9.9.9": {"a": "x"}, "elsewhere.example.org": {"a": "y"}, "no-such-name": {"a": "z"}}""",
            "{{a}}");

        variables.Hosts.Should().HaveCount(3);
        warnings.Should().Contain("warning: --hosts-variables vars.json: '10.9.9.9' is no node of the ring")
            .And.Contain("'elsewhere.example.org' is no node").And.Contain("'no-such-name' is no node");
    }

    [Fact]
    public async Task The_hosts_lacking_a_value_are_listed_in_numeric_address_order()
    {
        var ring = new TestRing().WithNodes(11);
        using var warnings = new StringWriter();
        var resolve = () => HostVariablesResolver.ResolveAsync(
            HostVariablesFile.Parse("vars.json", """{"10.0.0.1": {"a": "1"}}"""), ["{{a}}"], ring.Topology, ring.Addresses.ToList(), new TableResolver(), warnings, CancellationToken.None);

        var error = (await resolve.Should().ThrowAsync<CstarException>()).Which;

        error.Message.Should().Contain("on 10 target host(s): 10.0.0.2 lacks a; 10.0.0.3 lacks a;").And.Contain("10.0.0.9 lacks a; 10.0.0.10 lacks a; 10.0.0.11 lacks a.");
    }

    [Fact]
    public async Task A_placeholder_some_target_lacks_is_refused_listing_each_host_and_name()
    {
        var resolve = () => ResolveAsync("""{"10.0.0.1": {"a": "1", "b": "1"}, "10.0.0.2": {"a": "2"}}""", "--x {{a}} {{b}}", "{{b}}");

        var error = (await resolve.Should().ThrowAsync<CstarException>()).Which;
        error.ExitCode.Should().Be(ExitCode.Usage);
        error.Message.Should().Contain("on 2 target host(s): 10.0.0.2 lacks b; 10.0.0.3 lacks a, b.");
        error.Hint.Should().StartWith("Add them to vars.json");
    }

    [Fact]
    public async Task Two_keys_naming_the_same_node_with_different_values_are_refused_but_agreeing_ones_merge()
    {
        var conflicting = () => ResolveAsync("""{"10.0.0.2": {"a": "1"}, "cass-2.example.org": {"a": "2"}}""");
        (await conflicting.Should().ThrowAsync<CstarException>()).Which.Message
            .Should().Contain("'10.0.0.2' and 'cass-2.example.org' both name node 10.0.0.2 and give 'a' different values");

        var (variables, _) = await ResolveAsync("""{"10.0.0.2": {"a": "1"}, "cass-2.example.org": {"a": "1", "b": "2"}}""");
        variables.For("10.0.0.2").Should().Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });
    }

    [Fact]
    public async Task A_file_no_argument_uses_is_a_warning()
    {
        var (_, warnings) = await ResolveAsync("""{"10.0.0.1": {"a": "1"}}""", "no placeholder here");

        warnings.Should().Contain("no argument uses a {{name}} placeholder");
    }

    [Fact]
    public async Task No_file_means_no_variables_and_placeholders_stay_as_written()
    {
        var variables = await HostVariablesResolver.ResolveAsync(null, ["{{a}}"], Ring.Topology, Targets, new TableResolver(), TextWriter.Null, CancellationToken.None);

        variables.IsEmpty.Should().BeTrue();
    }

    private sealed class TableResolver : Dictionary<string, string>, IHostResolver
    {
        public TableResolver()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public Task<IReadOnlyList<IPAddress>> ResolveAsync(string name, CancellationToken cancellationToken) =>
            TryGetValue(name, out var address)
                ? Task.FromResult<IReadOnlyList<IPAddress>>([IPAddress.Parse(address)])
                : throw new HostResolutionException(name, "Name or service not known");
    }
}
