using Cstar.Cli.Logging;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Logging;

public sealed class LoggedFlagsTests
{
    [Fact]
    public void The_value_of_a_password_like_flag_is_masked_in_either_spelling_and_the_other_flags_are_kept()
    {
        var masked = LoggedFlags.Masked(["--seed-host", "10.0.0.1", "--ssh-password", "hunter2", "--jmx-password=s3cret", "--api-token", "t0k", "-v", "--reason", "CHG 1"]);

        masked.Should().Equal("--seed-host", "10.0.0.1", "--ssh-password", "***", "--jmx-password=***", "--api-token", "***", "-v", "--reason", "CHG 1");
    }

    [Fact]
    public void A_password_flag_followed_by_another_flag_masks_nothing_else()
    {
        LoggedFlags.Masked(["--ssh-password", "--seed-host", "10.0.0.1"]).Should().Equal("--ssh-password", "--seed-host", "10.0.0.1");
    }

    [Fact]
    public void Stored_flags_that_are_not_a_json_array_are_masked_whole() =>
        LoggedFlags.FromStored("--ssh-password hunter2").Should().Equal("***");
}
