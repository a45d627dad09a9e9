namespace Cstar.Cli.Jobs;

/// <summary>
/// Ctrl+C: the first stops scheduling (running hosts go on remotely, state is saved, the continue line is
/// printed); the second exits at once.
/// </summary>
internal sealed class InterruptHandler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TextWriter _stderr;
    private int _presses;

    public InterruptHandler(TextWriter stderr)
    {
        _stderr = stderr;
        Console.CancelKeyPress += OnCancel;
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _stop.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interlocked.Increment(ref _presses) == 1)
        {
            e.Cancel = true;
            _stderr.WriteLine("Stopping: no new host starts; running hosts keep running on their hosts. Press Ctrl+C again to exit at once.");
            _stop.Cancel();
            return;
        }

        Environment.Exit(130);
    }
}
