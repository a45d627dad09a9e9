using Cstar.Cli.Jobs;
using Cstar.Cli.Tests.Logging;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

public sealed class ContinueSeedsTests
{
    [Fact]
    public void Continue_tries_the_stored_seeds_then_the_given_seed_hosts_then_every_ring_member_and_target_the_job_knows()
    {
        var definition = LogTestData.Definition() with { RingMembers = ["10.0.0.1", "10.0.0.2", "10.0.0.3"] };

        var seeds = ContinueSeeds.Of(definition, ["10.0.0.9,10.0.0.8"], ["10.0.0.3", "10.0.0.4"]);

        seeds.Should().Equal("10.0.0.1", "10.0.0.9", "10.0.0.8", "10.0.0.2", "10.0.0.3", "10.0.0.4");
    }

    [Fact]
    public void A_job_stored_before_ring_members_were_kept_still_falls_back_on_its_target_hosts()
    {
        var seeds = ContinueSeeds.Of(LogTestData.Definition(), [], ["10.0.0.5"]);

        seeds.Should().Equal("10.0.0.1", "10.0.0.5");
    }
}
