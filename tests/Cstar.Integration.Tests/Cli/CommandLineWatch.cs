using System.Text;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// Scans every process's command line on this machine (the loopback hosts' processes included: their PID
/// namespaces are children of ours) every few milliseconds until disposed, and keeps the ones containing
/// <paramref name="secret"/>: a secret must never be on a command line, where ps and /proc show it to all.
/// </summary>
internal sealed class CommandLineWatch(string secret) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _leaks = [];
    private Task? _loop;

    public int Scans { get; private set; }

    public IReadOnlyList<string> Leaks => _leaks;

    public static CommandLineWatch Start(string secret)
    {
        var watch = new CommandLineWatch(secret);
        watch._loop = Task.Run(watch.LoopAsync);
        return watch;
    }

    private async Task LoopAsync()
    {
        var needle = Encoding.UTF8.GetBytes(secret);
        while (!_stop.IsCancellationRequested)
        {
            foreach (var proc in Directory.EnumerateDirectories("/proc"))
            {
                if (!char.IsAsciiDigit(Path.GetFileName(proc)[0]))
                {
                    continue;
                }

                try
                {
                    var cmdline = await File.ReadAllBytesAsync(Path.Combine(proc, "cmdline"));
                    if (cmdline.AsSpan().IndexOf(needle) >= 0)
                    {
                        _leaks.Add(proc + ": " + Encoding.UTF8.GetString(cmdline).Replace('\0', ' '));
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The process ended while we looked.
                }
            }

            Scans++;
            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }
}
