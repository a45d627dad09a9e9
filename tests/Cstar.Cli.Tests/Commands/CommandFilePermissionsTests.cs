using Cstar.Cli.Commands;
using Cstar.Core.Errors;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Commands;

/// <summary>A command that group or others can change is refused, as ssh refuses such an authorized_keys.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CommandFilePermissionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cstar-commands-" + Guid.NewGuid().ToString("N"));
    private readonly string _script;

    public CommandFilePermissionsTests()
    {
        Directory.CreateDirectory(_folder);
        File.SetUnixFileMode(_folder, (UnixFileMode)Convert.ToInt32("755", 8));
        _script = Path.Combine(_folder, "rolling.sh");
        File.WriteAllText(_script, "#!/bin/sh\n# C* description: test\nnodetool drain\n");
        File.SetUnixFileMode(_script, (UnixFileMode)Convert.ToInt32("644", 8));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Action Load => () => CommandCatalog.Load(new CommandFile("rolling", _script));

    [Fact]
    public void A_command_only_its_owner_can_change_is_loaded()
    {
        Load.Should().NotThrow();
    }

    [Theory]
    [InlineData("666", "group and others", "0666")]
    [InlineData("646", "others", "0646")]
    [InlineData("664", "its group", "0664")]
    public void A_command_that_group_or_others_can_write_is_refused_with_the_chmod_to_run(string mode, string who, string shown)
    {
        File.SetUnixFileMode(_script, (UnixFileMode)Convert.ToInt32(mode, 8));

        var refusal = Load.Should().Throw<CstarException>().Which;

        refusal.Message.Should().Be($"the command {_script} is writable by {who} (mode {shown}): cstar refuses to run a command others can change.");
        refusal.Hint.Should().Be("chmod go-w " + _script);
        refusal.ExitCode.Should().Be(ExitCode.UserError);
    }

    [Fact]
    public void A_command_in_a_folder_others_can_write_is_refused_because_they_could_replace_it()
    {
        File.SetUnixFileMode(_folder, (UnixFileMode)Convert.ToInt32("777", 8));

        Load.Should().Throw<CstarException>().WithMessage($"the folder of the command {_folder} is writable by group and others (mode 0777)*");
    }
}
