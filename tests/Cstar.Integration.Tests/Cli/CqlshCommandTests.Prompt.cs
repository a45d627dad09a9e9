using System.Diagnostics;
using System.Text;
using Cstar.TestKit.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.Integration.Tests.Cli;

/// <summary>The prompt path: cstar in a terminal (a pty from util-linux `script`) asks for the password, without echo.</summary>
public sealed partial class CqlshCommandTests
{
    private const string Typed = "typed-Pa55-3e7";
    private const string Prompt = "CQLSH_PASSWORD (secret; or set CQLSH_PASSWORD): ";

    private static string ShellQuote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [SkippableFact(Timeout = 240_000)]
    public async Task Cqlsh_in_a_terminal_without_CQLSH_PASSWORD_asks_for_it_without_echo_and_the_typed_password_reaches_cqlsh()
    {
        await ForgetEarlierRunsAsync();
        var home = Path.Combine(Cluster.Directory, "operator-home");
        Directory.CreateDirectory(home);
        // --ssh-lib openssh: on a terminal, the SSH.NET transport asks for an SSH password even with an identity file
        // (it builds the password method eagerly), which is not what this test is about.
        var command = string.Join(' ', new[] { await PublishedCli.CstarAsync() }.Concat(Job).Concat(CliOnLoopback.SshFlags(Cluster)).Append("--ssh-lib").Append("openssh").Select(ShellQuote));
        var start = new ProcessStartInfo("/usr/bin/script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = home;
        start.Environment["TERM"] = "dumb";
        start.Environment.Remove("CQLSH_PASSWORD");
        var watch = CommandLineWatch.Start(Typed);
        using var process = Process.Start(start)!;
        var screen = new StringBuilder();
        var reader = Task.Run(async () =>
        {
            var buffer = new char[4096];
            int read;
            while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
            {
                lock (screen)
                {
                    screen.Append(buffer, 0, read);
                }
            }
        });
        var stderr = process.StandardError.ReadToEndAsync();
        string Screen()
        {
            lock (screen)
            {
                return screen.ToString();
            }
        }

        var asked = await Cstar.TestKit.Simulation.Eventually.HoldsAsync(() => Task.FromResult(Screen().Contains(Prompt, StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        asked.Should().BeTrue("cstar asks on the terminal: " + Screen());
        await process.StandardInput.WriteAsync(Typed + "\r");
        await process.StandardInput.FlushAsync();
        using (var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(120)))
        {
            await process.WaitForExitAsync(bounded.Token);
        }

        await reader;
        await watch.DisposeAsync();

        process.ExitCode.Should().Be(0, Screen() + await stderr);
        Screen().Should().NotContain(Typed, "the password is read without echo");
        await EveryHostRanTheStatementWithThePasswordAsync(Typed);
        watch.Leaks.Should().BeEmpty();
    }
}
