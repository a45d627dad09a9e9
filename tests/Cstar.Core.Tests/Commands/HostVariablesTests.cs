using System.Collections.Immutable;
using Cstar.Core.Commands;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Scheduling;
using Cstar.TestKit.Rings;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Commands;

public sealed class HostVariablesTests
{
    private static HostVariables Of(params (string Host, (string Name, string Value)[] Variables)[] hosts) => new(
        hosts.ToImmutableDictionary(h => h.Host, h => h.Variables.ToImmutableDictionary(v => v.Name, v => v.Value)));

    private static readonly HostVariables Two = Of(
        ("10.0.0.1", [("token", "t1"), ("dir", "/data/a")]),
        ("10.0.0.2", [("token", "t2")]));

    [Fact]
    public void Each_host_gets_its_own_values() =>
        new[] { Two.Apply("{{token}}:{{dir}}", "10.0.0.1"), Two.Apply("{{token}}", "10.0.0.2") }.Should().Equal("t1:/data/a", "t2");

    [Fact]
    public void A_host_the_file_does_not_name_gets_the_text_unchanged() =>
        Two.Apply("{{token}}", "10.0.0.9").Should().Be("{{token}}");

    [Fact]
    public void Without_variables_nothing_is_substituted() =>
        HostVariables.None.Apply("{{token}}", "10.0.0.1").Should().Be("{{token}}");

    [Fact]
    public void Missing_lists_each_host_with_the_names_it_lacks_and_ignores_unused_ones()
    {
        var missing = Two.Missing(["{{token}}", "{{dir}} {{other}}"], ["10.0.0.1", "10.0.0.2", "10.0.0.3"]);

        missing.Keys.Should().Equal("10.0.0.1", "10.0.0.2", "10.0.0.3");
        missing["10.0.0.1"].Should().Equal("other");
        missing["10.0.0.2"].Should().Equal("dir", "other");
        missing["10.0.0.3"].Should().Equal("dir", "other", "token");
        Two.Missing(["plain", "{{token}}"], ["10.0.0.1", "10.0.0.2"]).Should().BeEmpty();
    }

    [Fact]
    public void A_variable_name_with_a_brace_is_refused() =>
        FluentActions.Invoking(() => Of(("h", [("a}", "x")]))).Should().Throw<ArgumentException>();

    [Fact]
    public void Two_sets_with_the_same_values_are_equal_even_as_different_dictionaries()
    {
        Of(("h", [("a", "1")])).Should().Be(Of(("h", [("a", "1")])));
        Of(("h", [("a", "1")])).Should().NotBe(Of(("h", [("a", "2")])));
        Of(("h", [("a", "1")])).Should().NotBe(HostVariables.None);
    }

    [Fact]
    public void The_environment_of_a_host_substitutes_literal_arguments_only_never_a_secret()
    {
        var ring = new TestRing().WithNodes(2);
        var definition = new JobDefinition(
            "job-1", "test", new CommandSource("x", null, "abc"),
            [JobArgument.FromLiteral("TARGET", "{{dir}}/{{token}}"), JobArgument.FromEnvironment("PASSWORD", "CSTAR_PW")],
            "{}", HostSelection.FromSeeds("10.0.0.1"), null, ["test"], DateTimeOffset.UnixEpoch, RunnerKind.Remote)
        { HostVariables = Of(("10.0.0.1", [("dir", "/a"), ("token", "{{dir}}")]), ("10.0.0.2", [("dir", "/b"), ("token", "t")])) };
        var request = new JobRunRequest
        {
            Definition = definition,
            Context = SchedulingContext.Create(ring.Topology, [ring.Map], SchedulingPolicy.Default),
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["TARGET"] = "{{dir}}/{{token}}", ["PASSWORD"] = "{{dir}}" },
        };

        request.EnvironmentFor("10.0.0.1").Should().Equal(new Dictionary<string, string> { ["TARGET"] = "/a/{{dir}}", ["PASSWORD"] = "{{dir}}" });
        request.EnvironmentFor("10.0.0.2")["TARGET"].Should().Be("/b/t");
        request.Environment["TARGET"].Should().Be("{{dir}}/{{token}}", "the shared environment is not changed");
    }
}
