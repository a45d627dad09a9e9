using Cstar.Core.Commands;
using Cstar.Core.Errors;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Commands;

public sealed class CommandLineSplitterTests
{
    [Theory]
    [InlineData("ssh {} hostname", new[] { "ssh", "{}", "hostname" })]
    [InlineData("  a\t b \n c  ", new[] { "a", "b", "c" })]
    [InlineData("echo 'a b' \"c d\"", new[] { "echo", "a b", "c d" })]
    [InlineData("echo '$HOME' \"$HOME\" $HOME", new[] { "echo", "$HOME", "$HOME", "$HOME" })]
    [InlineData("a\\ b 'it'\\''s' \"say \\\"hi\\\"\"", new[] { "a b", "it's", "say \"hi\"" })]
    [InlineData("x|y a;b `id` $(id) > f", new[] { "x|y", "a;b", "`id`", "$(id)", ">", "f" })]
    [InlineData("'' \"\"", new[] { "", "" })]
    [InlineData("\"back\\slash\" \"\\\\\"", new[] { "back\\slash", "\\" })]
    public void Words_split_like_a_shell_but_nothing_is_expanded_or_interpreted(string line, string[] expected) =>
        CommandLineSplitter.Split(line).Should().Equal(expected);

    [Theory]
    [InlineData("echo 'open")]
    [InlineData("echo \"open")]
    [InlineData("trailing\\")]
    public void An_unterminated_quote_is_a_user_error_with_a_hint(string line)
    {
        var act = () => CommandLineSplitter.Split(line);

        act.Should().Throw<CstarException>().Which.Hint.Should().Contain("quote");
    }
}
