using Cstar.Cli.Jobs;
using Cstar.Cli.Verbs;
using Cstar.Core.Commands;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

public sealed class KeyspacePolicyFlagsTests
{
    private static JobOptions Parse(params string[] args)
    {
        return Cstar.Cli.Arguments.ArgumentParser.Parse<JobOptions>(VerbSyntaxes.StoredJobFlags, args).Options;
    }

    [Fact]
    public void Keyspace_is_repeatable_and_comma_separated_and_a_single_one_is_still_read_alone_by_discovery()
    {
        var several = Parse("--keyspace", "app", "--keyspace", "users,orders", "--key-space", "app");
        var single = Parse("--keyspace", "app");

        JobSetupBuilder.Policy(several, CommandHeader.Empty("x")).KeyspaceFilter.Should().BeEquivalentTo("app", "users", "orders");
        several.DiscoveryKeyspace().Should().BeNull("several keyspaces are filtered after discovery reads them all");
        single.DiscoveryKeyspace().Should().Be("app");
    }

    [Fact]
    public void Include_system_keyspaces_and_strict_consistency_reach_the_policy_and_are_off_by_default()
    {
        var given = JobSetupBuilder.Policy(Parse("--include-system-keyspaces", "--strict-consistency"), CommandHeader.Empty("x"));
        var defaults = JobSetupBuilder.Policy(Parse(), CommandHeader.Empty("x"));

        given.IncludeSystemKeyspaces.Should().BeTrue();
        given.StrictConsistency.Should().BeTrue();
        defaults.IncludeSystemKeyspaces.Should().BeFalse();
        defaults.StrictConsistency.Should().BeFalse();
    }
}
