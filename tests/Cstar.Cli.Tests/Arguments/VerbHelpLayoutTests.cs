using Cstar.Cli.Arguments;
using Cstar.Cli.Verbs;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Arguments;

/// <summary>Help per verb: its own flags only, in the sections an operator thinks in, each with its value and default.</summary>
public sealed class VerbHelpLayoutTests
{
    private static async Task<string> HelpAsync(CliFlavor flavor, params string[] args)
    {
        using var stdout = new StringWriter();
        var code = await CliApplication.RunAsync(args, flavor, stdout, new StringWriter());
        code.Should().Be(0);
        return stdout.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public async Task Ring_help_lists_only_the_flags_ring_uses_not_the_job_flags()
    {
        var help = await HelpAsync(CliFlavor.Cstar, "ring", "--help");

        help.Should().Contain("--seed-host HOST...").And.Contain("--ssh-username USER").And.Contain("--output text|json");
        help.Should().NotContain("--stop-after").And.NotContain("--confirm").And.NotContain("--dry-run").And.NotContain("--wait-timeout");
    }

    [Fact]
    public async Task Run_help_groups_its_flags_as_targets_strategy_safety_ssh_output_then_examples()
    {
        var help = await HelpAsync(CliFlavor.Cstar, "run", "--help");

        string[] sections = ["\nTargets:\n", "\nStrategy and concurrency:\n", "\nSafety:\n", "\nSSH:\n", "\nOutput and jobs:\n", "\nExamples:\n"];
        sections.Select(s => help.IndexOf(s, StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);
        help.Should().NotContain("Other flags:");
    }

    [Fact]
    public async Task Each_flag_shows_its_value_placeholder_and_its_default()
    {
        var help = await HelpAsync(CliFlavor.Cstar, "run", "--help");

        help.Should().MatchRegex(@"\n  --seed-host HOST\.\.\. +Seed hosts");
        help.Should().MatchRegex(@"\n  --strategy one\|topology\|all\|rack\n +.*\(default: the command's header, else topology\)");
        help.Should().MatchRegex(@"\n  -j, --max-concurrency N +At most");
        help.Should().MatchRegex(@"\n  --ssh-username USER +SSH user \(default: ssh_config's User, else your login\)\.");
        help.Should().MatchRegex(@"\n  --wait-timeout DURATION +.*default 30m");
    }

    [Fact]
    public async Task Verb_help_has_no_version_banner_and_opens_with_its_usage_line()
    {
        foreach (var verb in new[] { "run", "ring", "jobs", "continue", "cleanup-jobs", "demo" })
        {
            var help = await HelpAsync(CliFlavor.Cstar, verb, "--help");

            help.Should().StartWith("usage: cstar " + verb, verb);
            help.Should().NotContain(VersionInfo.Current, verb).And.NotContain("Run a command on every node", verb);
        }
    }

    [Fact]
    public async Task Jobs_help_does_not_offer_job_flags()
    {
        var help = await HelpAsync(CliFlavor.Cstar, "jobs", "--help");

        help.Should().Contain("--follow").And.NotContain("--seed-host").And.NotContain("--strategy");
    }

    [Fact]
    public void Every_job_flag_has_a_section_in_the_help()
    {
        var flags = FlagTable.Of(typeof(JobOptions)).Flags.Where(f => !f.Hidden);

        flags.Where(f => FlagHelpTable.For(f).Group == FlagGroup.Other).Select(f => f.Name)
            .Should().BeEmpty("a new job flag gets its section, placeholder and default in FlagHelpTable");
    }

    [Fact]
    public async Task Top_level_help_lists_each_verb_on_one_line_and_the_commands_found()
    {
        var help = await HelpAsync(CliFlavor.Cstar, "--help");

        foreach (var verb in new[] { "continue", "jobs", "cleanup-jobs", "ring", "demo" })
        {
            help.Split('\n').Where(l => l.StartsWith("  " + verb + " ", StringComparison.Ordinal)).Should().ContainSingle(verb);
        }

        help.Should().MatchRegex(@"\n  restart +Rolling restart").And.Contain("searched: ");
        help.Should().NotContain("Example:");
    }

    [Fact]
    public async Task Cstarpar_help_says_where_the_command_goes()
    {
        var help = await HelpAsync(CliFlavor.Cstarpar, "--help");

        help.Should().StartWith("usage: cstarpar").And.Contain("-- COMMAND WORDS").And.Contain("\nTargets:\n");
    }
}
