using Cstar.Cli.Jobs;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

public sealed class JobIdResolverTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JobSummary[] Jobs =
    [
        Job("0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90", 1),
        Job("0b5e9999-8f2a-4c1e-9d0b-6f3c2e1a7b90", 3),
        Job("7c000000-8f2a-4c1e-9d0b-6f3c2e1a7b90", 2),
    ];

    private static JobSummary Job(string id, int hour) =>
        new(id, "run", ["c1"], null, Start.AddHours(hour), null, JobState.Running, HostCounts.Empty, false);

    [Fact]
    public void A_unique_prefix_names_its_job()
    {
        JobIdResolver.Resolve("7c", Jobs).Should().Be("7c000000-8f2a-4c1e-9d0b-6f3c2e1a7b90");
        JobIdResolver.Resolve("0b5e4", Jobs).Should().Be("0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90");
    }

    [Fact]
    public void Latest_is_the_job_created_last()
    {
        JobIdResolver.Resolve("latest", Jobs).Should().Be("0b5e9999-8f2a-4c1e-9d0b-6f3c2e1a7b90");
    }

    [Fact]
    public void An_ambiguous_prefix_is_refused_listing_the_candidates()
    {
        var act = () => JobIdResolver.Resolve("0b5e", Jobs);

        act.Should().Throw<CstarException>().Where(e => e.Message.Contains("0b5e4a52-") && e.Message.Contains("0b5e9999-") && e.ExitCode == ExitCode.Usage);
    }

    [Fact]
    public void A_prefix_of_no_job_says_so()
    {
        var act = () => JobIdResolver.Resolve("ffff", Jobs);

        act.Should().Throw<CstarException>().WithMessage("No job id starts with 'ffff'.");
    }
}
