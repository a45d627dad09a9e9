using Cstar.Core.Commands;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Commands;

public sealed class CommandHeaderParserTests
{
    private static CommandHeader Parse(string text) => CommandHeaderParser.Parse("test.sh", "test", text);

    [Fact]
    public void The_bundled_run_command_has_cstars_header()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "commands", "run.sh"));

        var header = CommandHeaderParser.Parse("run.sh", "run", text);

        header.ClusterParallel.Should().BeTrue();
        header.DcParallel.Should().BeFalse();
        header.Strategy.Should().Be("topology");
        header.Description.Should().Be("Run an arbitrary shell command");
        header.Arguments.Should().ContainSingle().Which.Should().Be(new CommandArgument("--command", "COMMAND", "Command to run", true, null));
        header.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("run", "topology", false)]
    [InlineData("restart", "topology", true)]
    [InlineData("upgradesstables", "one", false)]
    [InlineData("nodetool", "topology", false)]
    [InlineData("cqlsh", "all", false)]
    [InlineData("repair", "topology", false)]
    [InlineData("cleanup", "topology", false)]
    public void Every_bundled_command_has_a_valid_header_with_a_description(string name, string strategy, bool waitsForCql)
    {
        var path = Path.Combine(RepositoryPaths.Root, "commands", name + ".sh");

        var header = CommandHeaderParser.Parse(path, name, File.ReadAllText(path));

        header.Description.Should().NotBeNullOrWhiteSpace();
        header.Strategy.Should().Be(strategy);
        header.WaitForCql.Should().Be(waitsForCql);
        header.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("repair")]
    [InlineData("cleanup")]
    public void The_bundled_long_operations_turn_the_compaction_gate_on_by_default_and_do_not_take_their_node_down(string name)
    {
        var path = Path.Combine(RepositoryPaths.Root, "commands", name + ".sh");

        var header = CommandHeaderParser.Parse(path, name, File.ReadAllText(path));

        header.MaxPendingCompactions.Should().Be(100);
        header.TakesNodeDown.Should().BeFalse();
        header.Arguments.Select(a => a.Option).Should().Contain("--keyspace");
    }

    [Fact]
    public void The_new_keys_wait_for_timeout_and_max_concurrency_are_read()
    {
        var header = Parse("#!/bin/sh\n# C* wait-for: cql\n# C* timeout: 1h30m\n# C* max-concurrency: 4\n");

        header.WaitForCql.Should().BeTrue();
        header.Timeout.Should().Be(TimeSpan.FromMinutes(90));
        header.MaxConcurrency.Should().Be(4);
    }

    [Fact]
    public void Reboots_host_is_read_and_is_false_unless_declared()
    {
        Parse("#!/bin/sh\n# C* reboots-host: true\n").RebootsHost.Should().BeTrue();
        Parse("#!/bin/sh\n# C* reboots-host: false\n").RebootsHost.Should().BeFalse();
        Parse("#!/bin/sh\n# C* strategy: one\n").RebootsHost.Should().BeFalse();
        var bad = () => Parse("#!/bin/sh\n# C* reboots-host: maybe\n");
        bad.Should().Throw<CommandHeaderException>().WithMessage("*reboots-host must be true or false*");
    }

    [Fact]
    public void The_bundled_cstarpar_reboot_script_declares_that_it_reboots_its_host()
    {
        var path = Path.Combine(RepositoryPaths.Root, "commands", "cstarpar", "reboot.sh");

        var header = CommandHeaderParser.Parse(path, "reboot", File.ReadAllText(path));

        header.RebootsHost.Should().BeTrue();
        header.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void The_header_ends_at_the_first_line_that_is_not_a_comment_as_in_cstar()
    {
        var header = Parse("#!/bin/sh\n# C* strategy: one\n\n# C* strategy: nonsense\n");

        header.Strategy.Should().Be("one");
    }

    [Fact]
    public void Absent_keys_stay_unset_so_the_command_line_and_defaults_decide()
    {
        var header = Parse("#!/bin/sh\necho hi\n");

        header.Should().BeEquivalentTo(CommandHeader.Empty("test"));
    }

    [Fact]
    public void An_unknown_key_is_a_warning_naming_file_and_line_not_an_error()
    {
        var header = Parse("#!/bin/sh\n# C* colour: blue\n");

        header.Warnings.Should().ContainSingle().Which.Should().Contain("test.sh:2").And.Contain("colour");
    }

    [Theory]
    [InlineData("compactions<100", false, 100)]
    [InlineData("cql, compactions<8", true, 8)]
    [InlineData("cql", true, null)]
    [InlineData("none", false, null)]
    public void Wait_for_names_cql_a_compaction_limit_or_both(string value, bool cql, int? compactions)
    {
        var header = Parse($"#!/bin/sh\n# C* wait-for: {value}\n");

        header.WaitForCql.Should().Be(cql);
        header.MaxPendingCompactions.Should().Be(compactions);
    }

    [Theory]
    [InlineData("# C* strategy: sideways", 2, "strategy")]
    [InlineData("# C* dc-parallel: yes", 2, "dc-parallel must be true or false")]
    [InlineData("# C* cluster-parallel: 1", 2, "cluster-parallel must be true or false")]
    [InlineData("# C* wait-for: ssh", 2, "wait-for")]
    [InlineData("# C* wait-for: compactions<0", 2, "compactions<N")]
    [InlineData("# C* wait-for: compactions<many", 2, "compactions<N")]
    [InlineData("# C* wait-for: cql, none", 2, "wait-for")]
    [InlineData("# C* timeout: soon", 2, "timeout")]
    [InlineData("# C* timeout: 31d", 2, "at most 30 days")]
    [InlineData("# C* timeout: 99999999999d", 2, "at most 30 days")]
    [InlineData("# C* max-concurrency: 0", 2, "max-concurrency")]
    [InlineData("# C* argument: {\"option\":\"--x\"", 2, "not valid JSON")]
    [InlineData("# C* argument: [1]", 2, "JSON object")]
    [InlineData("# C* argument: {\"option\":\"--x\",\"name\":\"X\",\"colour\":1}", 2, "unknown key 'colour'")]
    [InlineData("# C* argument: {\"option\":\"x\",\"name\":\"X\"}", 2, "--some-name")]
    [InlineData("# C* argument: {\"option\":\"--x\",\"name\":\"X-Y\"}", 2, "environment variable name")]
    [InlineData("# C* argument: {\"option\":\"--x\"}", 2, "\"name\"")]
    [InlineData("# C* argument: {\"option\":\"--x\",\"name\":\"X\",\"required\":\"yes\"}", 2, "required")]
    [InlineData("# C* no colon here", 2, "expected '# C* key: value'")]
    public void A_malformed_header_line_is_an_error_naming_the_file_and_line(string line, int lineNumber, string problem)
    {
        var act = () => Parse("#!/bin/sh\n" + line + "\n");

        act.Should().Throw<CommandHeaderException>()
            .Where(e => e.Line == lineNumber && e.Message.StartsWith($"test.sh:{lineNumber}: ", StringComparison.Ordinal) && e.Message.Contains(problem) && e.Hint != null);
    }

    [Fact]
    public void A_key_declared_twice_is_an_error_that_points_at_both_lines()
    {
        var act = () => Parse("#!/bin/sh\n# C* strategy: one\n# C* strategy: all\n");

        act.Should().Throw<CommandHeaderException>().WithMessage("test.sh:3: 'strategy' is declared twice (first on line 2)");
    }

    [Fact]
    public void The_same_argument_declared_twice_is_an_error()
    {
        var act = () => Parse("#!/bin/sh\n# C* argument: {\"option\":\"--a\",\"name\":\"A\"}\n# C* argument: {\"option\":\"--a\",\"name\":\"B\"}\n");

        act.Should().Throw<CommandHeaderException>().Where(e => e.Line == 3);
    }

    [Fact]
    public void An_argument_can_be_marked_secret_so_its_value_never_travels_as_a_flag()
    {
        var header = Parse("#!/bin/sh\n# C* argument: {\"option\":\"--cql-password\",\"name\":\"CQLSH_PASSWORD\",\"secret\":true}\n");

        header.Arguments.Should().ContainSingle().Which.Secret.Should().BeTrue();
    }

    [Fact]
    public void Windows_line_endings_are_accepted()
    {
        var header = Parse("#!/bin/sh\r\n# C* strategy: all\r\n# C* description: d\r\n");

        header.Strategy.Should().Be("all");
        header.Description.Should().Be("d");
    }

    [Theory]
    [InlineData("restart.sh", "restart")]
    [InlineData("upgrade.sstables.sh", "upgrade")]
    [InlineData("noext", "noext")]
    public void The_command_name_is_the_file_name_up_to_the_first_dot(string file, string name) =>
        CommandHeaderParser.CommandNameFromFileName(file).Should().Be(name);
}
