using System.Text.RegularExpressions;
using Cstar.TestKit.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

/// <summary>The live view in a real terminal (tmux), as an operator sees it: the demo, Ctrl+C pressed mid-wave.</summary>
[Trait("Category", "Slow")]
public sealed class LiveViewTerminalTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [SkippableFact(Timeout = 300_000)]
    public async Task Ctrl_c_leaves_one_clean_last_frame_then_the_stopping_message_on_its_own_line()
    {
        TmuxTerminal.SkipUnlessAvailable();
        var cstar = await PublishedCli.CstarAsync();
        var home = Directory.CreateTempSubdirectory("cstar-tmux-").FullName;
        try
        {
            await using var terminal = await TmuxTerminal.StartAsync(150, 45, new Dictionary<string, string> { ["HOME"] = home }, home);

            await terminal.TypeAsync($"{cstar} demo --nodes 6 --step-seconds 1; echo EXIT=$?");
            await terminal.WaitForAsync(s => Regex.IsMatch(s, @"running [1-9]"), Limit, "a host running in the live view");
            await terminal.PressAsync("C-c");
            var screen = await terminal.WaitForAsync(s => Regex.IsMatch(s, @"^EXIT=\d", RegexOptions.Multiline), Limit, "cstar's exit");

            var lines = screen.Split('\n').Select(l => l.TrimEnd()).ToList();
            lines.Should().ContainSingle(l => Regex.IsMatch(l, @"^\s+dc1\s+rack1 "), "the DC/rack map of the last frame is drawn once\n" + screen);
            var stopping = lines.FindIndex(l => l.Contains("Stopping:", StringComparison.Ordinal));
            stopping.Should().BeGreaterThan(0, screen);
            lines[stopping].Should().StartWith("Stopping: no new host starts", "the message is on its own line, not glued to the status line\n" + screen);
            var status = lines.FindLastIndex(l => Regex.IsMatch(l, @"^wave \d+ +done \d+"));
            status.Should().BeInRange(0, stopping - 1, "the message comes after the last frame\n" + screen);
            lines[status + 1].Should().StartWith("interrupted: ", "the last frame says how the run ended\n" + screen);
            lines.FindIndex(l => l.StartsWith("Job ", StringComparison.Ordinal) && l.Contains(": interrupted: ", StringComparison.Ordinal)).Should().BeGreaterThan(stopping, screen);
            screen.Should().Contain("EXIT=4");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
