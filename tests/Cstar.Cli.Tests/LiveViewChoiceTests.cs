using Cstar.Cli.LiveView;
using Cstar.Cli.Verbs;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

public sealed class LiveViewChoiceTests
{
    [Theory]
    [InlineData(false, 0, true)]
    [InlineData(false, 1, true)]
    [InlineData(false, 2, false)]
    [InlineData(true, 0, false)]
    public void The_live_view_gives_way_to_the_confirm_question_and_to_debug_lines_on_stderr(bool confirm, int verbose, bool live) =>
        JobView.AllowsLive(new JobOptions { Confirm = confirm, Verbose = verbose }).Should().Be(live);
}
