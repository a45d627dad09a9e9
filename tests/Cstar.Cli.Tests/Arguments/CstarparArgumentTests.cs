using Cstar.Cli.Arguments;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Arguments;

/// <summary>cstarpar reads its words as cstar's argparse does, and also where argparse would swallow the command into a list flag.</summary>
public sealed class CstarparArgumentTests
{
    private static ParsedCommandLine<CstarparOptions> Parse(params string[] args) => ArgumentParser.Parse<CstarparOptions>(VerbSyntaxes.Cstarpar, args);

    [Fact]
    public void A_quoted_command_after_a_seed_host_is_the_command_not_a_second_seed()
    {
        var parsed = Parse("--seed-host", "127.5.1.1", "ssh {} hostname");

        parsed.Options.SeedHosts.Should().Equal("127.5.1.1");
        parsed.Positionals.Should().Equal("ssh {} hostname");
        parsed.FlagWords.Should().Equal("--seed-host", "127.5.1.1");
    }

    [Fact]
    public void The_equals_form_takes_one_value_and_leaves_the_command()
    {
        var parsed = Parse("--seed-host=127.5.1.1", "ssh {} hostname");

        parsed.Options.SeedHosts.Should().Equal("127.5.1.1");
        parsed.Positionals.Should().Equal("ssh {} hostname");
    }

    [Fact]
    public void A_list_flag_of_keyspaces_followed_by_the_command_keeps_both()
    {
        var parsed = Parse("--allow-unavailable", "system_auth", "ssh {} nodetool version", "--seed-host", "10.0.0.1");

        parsed.Options.AllowUnavailable.Should().Equal("system_auth");
        parsed.Options.SeedHosts.Should().Equal("10.0.0.1");
        parsed.Positionals.Should().Equal("ssh {} nodetool version");
    }

    [Fact]
    public void The_command_may_come_first_and_a_list_then_takes_every_following_word()
    {
        var parsed = Parse("ssh {} hostname", "--seed-host", "a", "b", "--strategy", "one");

        parsed.Options.SeedHosts.Should().Equal("a", "b");
        parsed.Options.Strategy.Should().Be("one");
        parsed.Positionals.Should().Equal("ssh {} hostname");
    }

    [Fact]
    public void Everything_after_a_double_dash_is_the_command_even_words_that_look_like_flags()
    {
        var parsed = Parse("--seed-host", "a", "--", "ssh", "{}", "ls", "--all");

        parsed.Options.All.Should().BeFalse();
        parsed.AfterDashDash.Should().BeTrue();
        parsed.Positionals.Should().Equal("ssh", "{}", "ls", "--all");
        parsed.FlagWords.Should().Equal("--seed-host", "a");
    }

    [Fact]
    public void Seeds_accumulate_over_commas_spaces_and_repeats()
    {
        Parse("--seed-host", "a,b", "c", "--seed-host=d", "x y").Options.SeedHosts.Should().Equal("a", "b", "c", "d");
    }

    [Fact]
    public void Short_flags_take_attached_values_and_counters_stack()
    {
        var parsed = Parse("-j4", "-vv", "-r", "cmd {}");

        parsed.Options.MaxConcurrency.Should().Be(4);
        parsed.Options.Verbose.Should().Be(2);
        parsed.Options.ResolveHostnames.Should().BeTrue();
        parsed.Options.Timeout.Should().BeNull();
    }

    [Fact]
    public void Value_flags_take_equals_and_space_forms_alike()
    {
        Parse("--strategy=one", "x").Options.Strategy.Should().Be("one");
        Parse("--strategy", "one", "x").Options.Strategy.Should().Be("one");
        Parse("--sudo-args", "-u cassandra", "x").Options.SudoArgs.Should().Be("-u cassandra");
    }

    [Fact]
    public void A_flag_missing_its_value_is_a_usage_error_naming_it()
    {
        var act = () => Parse("--strategy", "--dry-run", "x");

        act.Should().Throw<CommandLineError>().Where(e => e.Message.Contains("`--strategy` needs a value") && e.ExitCode == ExitCode.Usage);
    }

    [Fact]
    public async Task Several_command_words_without_a_double_dash_are_refused_rather_than_guessed()
    {
        using var stderr = new StringWriter();

        var code = await CliApplication.RunAsync(["--seed-host", "a", "ssh", "{}", "hostname"], CliFlavor.Cstarpar, new StringWriter(), stderr);

        code.Should().Be(2);
        stderr.ToString().Should().Contain("one quoted word or come after `--`");
    }
}
