using Cstar.Cli.Jobs;
using Cstar.Cli.Verbs;
using Cstar.Core.Jobs;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

public sealed class CommandDriftTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cstar-drift-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private CommandSource Stored(string text)
    {
        var path = Path.Combine(_directory, "flush.sh");
        File.WriteAllText(path, text);
        return new CommandSource(text, path, ScriptCommandVerb.Sha256Hex(text));
    }

    [Fact]
    public void An_unchanged_script_is_not_reported()
    {
        CommandDrift.Changed(Stored("nodetool flush\n")).Should().BeNull();
    }

    [Fact]
    public void A_script_changed_on_disk_is_reported_with_its_new_text_and_the_way_to_use_it()
    {
        var stored = Stored("nodetool flush\n");
        File.WriteAllText(stored.ScriptPath!, "nodetool drain\n");

        var current = CommandDrift.Changed(stored);

        current!.ScriptText.Should().Be("nodetool drain\n");
        CommandDrift.Note(current, reload: false).Should().Contain("changed").And.Contain("running the copy stored with the job").And.Contain("--reload-command");
    }

    [Fact]
    public void A_deleted_script_leaves_the_stored_copy_in_charge_silently()
    {
        var stored = Stored("x\n");
        File.Delete(stored.ScriptPath!);

        CommandDrift.Changed(stored).Should().BeNull();
    }
}
