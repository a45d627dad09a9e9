using Cstar.Cli.Jobs;
using Cstar.Core.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

public sealed class ConfirmAnswerParsingTests
{
    [Theory]
    [InlineData("y", ConfirmAnswer.Yes)]
    [InlineData(" YES ", ConfirmAnswer.Yes)]
    [InlineData("n", ConfirmAnswer.No)]
    [InlineData("No", ConfirmAnswer.No)]
    [InlineData("a", ConfirmAnswer.All)]
    [InlineData("all", ConfirmAnswer.All)]
    [InlineData("q", ConfirmAnswer.Quit)]
    [InlineData("quit", ConfirmAnswer.Quit)]
    public void Each_answer_planb_users_type_means_what_it_says(string line, ConfirmAnswer expected) =>
        PromptHostConfirmation.Parse(line).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("yess")]
    public void An_answer_that_means_nothing_is_asked_again(string line) =>
        PromptHostConfirmation.Parse(line).Should().BeNull();

    [Fact]
    public void The_end_of_input_is_quit_so_nothing_more_starts_when_nobody_can_answer() =>
        PromptHostConfirmation.Parse(null).Should().Be(ConfirmAnswer.Quit);
}
