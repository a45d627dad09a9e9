using System.Diagnostics;
using Xunit;

namespace Cstar.TestKit.Processes;

/// <summary>
/// A real terminal for tests of the live view: a tmux server of its own (its own socket, so tests never touch
/// another tmux), one window of a fixed size running bash with TERM=xterm-256color. Type lines, press keys, read
/// the screen with its scrollback (wrapped lines joined). Waits are on what the screen shows, each bounded.
/// </summary>
public sealed class TmuxTerminal : IAsyncDisposable
{
    private readonly string _socket = "cstar-test-" + Guid.NewGuid().ToString("N")[..12];

    private TmuxTerminal()
    {
    }

    public static string? Tmux { get; } = new[] { "/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux" }.FirstOrDefault(File.Exists);

    /// <summary>Reported skipped, saying how to install it, when tmux is missing (test.sh installs it as root).</summary>
    public static void SkipUnlessAvailable() => Skip.If(Tmux is null, "needs tmux for a real terminal: apt-get install -y tmux (test.sh installs it when run as root)");

    /// <param name="environment">Variables of the shell (HOME and the like), besides TERM.</param>
    public static async Task<TmuxTerminal> StartAsync(int width, int height, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var terminal = new TmuxTerminal();
        List<string> args = ["-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", workingDirectory];
        foreach (var (name, value) in environment.Append(new("TERM", "xterm-256color")))
        {
            args.AddRange(["-e", $"{name}={value}"]);
        }

        args.AddRange(["bash", "--norc", "--noprofile"]);
        await terminal.TmuxAsync([.. args]);
        await terminal.TmuxAsync("set-option", "-t", "t", "history-limit", "10000");
        return terminal;
    }

    /// <summary>Types <paramref name="line"/> (literally) and Enter.</summary>
    public async Task TypeAsync(string line)
    {
        await TmuxAsync("send-keys", "-t", "t", "-l", line);
        await TmuxAsync("send-keys", "-t", "t", "Enter");
    }

    /// <summary>Presses a key as tmux names it, e.g. <c>C-c</c>.</summary>
    public Task PressAsync(string key) => TmuxAsync("send-keys", "-t", "t", key);

    /// <summary>The whole screen and scrollback as text, wrapped lines joined, trailing spaces kept off.</summary>
    public async Task<string> ScreenAsync() => (await TmuxAsync("capture-pane", "-p", "-J", "-t", "t", "-S", "-")).StandardOutput;

    /// <summary>The screen once <paramref name="condition"/> holds; throws with the last screen when it does not within <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var screen = await ScreenAsync();
            if (condition(screen))
            {
                return screen;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"the terminal did not show {what} within {timeout}; it shows:\n{screen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public async ValueTask DisposeAsync() => await TmuxAsync("kill-server");

    private async Task<ProcessOutcome> TmuxAsync(params string[] args)
    {
        var outcome = await ProcessRunner.RunAsync(Tmux!, ["-L", _socket, .. args], TimeSpan.FromSeconds(30));
        return outcome.ExitCode == 0 || args is ["kill-server"] ? outcome : throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed:\n{outcome}");
    }
}
