using Cstar.Cli.Composition;
using Cstar.Cli.Jobs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

/// <summary>Secret arguments nobody can give: never silently left out.</summary>
public sealed class ArgumentEnvironmentTests
{
    private const string Script = """
        #!/bin/sh
        # C* argument: {"option":"--token", "name":"CSTAR_TEST_UNSET_TOKEN_1", "secret":true, "required":true}
        # C* argument: {"option":"--extra", "name":"CSTAR_TEST_UNSET_TOKEN_2", "secret":true}
        true
        """;

    private static readonly CommandHeader Header = CommandHeaderParser.Parse("test.sh", "test", Script);

    [Fact]
    public void A_required_secret_that_is_not_set_with_no_terminal_stops_the_job_naming_the_variable()
    {
        using var warnings = new StringWriter();

        var act = () => ArgumentEnvironment.Resolve([JobArgument.FromEnvironment("CSTAR_TEST_UNSET_TOKEN_1", "CSTAR_TEST_UNSET_TOKEN_1")], new NoTerminal(), Header, warnings);

        act.Should().Throw<CstarException>().Which.Message.Should().Contain("--token").And.Contain("CSTAR_TEST_UNSET_TOKEN_1 is not set");
    }

    [Fact]
    public void An_optional_secret_that_is_not_set_is_announced_and_left_out()
    {
        using var warnings = new StringWriter();

        var environment = ArgumentEnvironment.Resolve(
            [JobArgument.FromLiteral("PLAIN", "v"), JobArgument.FromEnvironment("CSTAR_TEST_UNSET_TOKEN_2", "CSTAR_TEST_UNSET_TOKEN_2")], new NoTerminal(), Header, warnings);

        environment.Should().Equal(new Dictionary<string, string> { ["PLAIN"] = "v" });
        warnings.ToString().Should().Contain("secret CSTAR_TEST_UNSET_TOKEN_2 not given");
    }

    private sealed class NoTerminal : IConsolePrompt
    {
        public string? AskSecret(string question) => null;

        public string? AskLine(string question) => null;
    }
}
