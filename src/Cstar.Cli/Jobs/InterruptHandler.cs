namespace Cstar.Cli.Jobs;

/// <summary>
/// Ctrl+C: the first stops scheduling (running hosts go on remotely, state is saved, the continue line is
/// printed); the second exits at once.
/// </summary>
internal sealed class InterruptHandler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TextWriter _stderr;
    private const string Message = "Stopping: no new host starts; running hosts keep running on their hosts. Press Ctrl+C again to exit at once.";
    private readonly object _gate = new();
    private int _presses;
    private bool _holding;
    private string? _held;

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

    /// <summary>
    /// While the live view draws, the first Ctrl+C's message waits for its last frame (written from another thread
    /// into the middle of a frame, it broke the drawing and was glued to the status line).
    /// </summary>
    public void HoldMessage()
    {
        lock (_gate)
        {
            _holding = true;
        }
    }

    /// <summary>The drawing is over: the held message, if Ctrl+C was pressed, now on its own line.</summary>
    public void ReleaseMessage()
    {
        string? message;
        lock (_gate)
        {
            (_holding, message, _held) = (false, _held, null);
        }

        if (message is not null)
        {
            _stderr.WriteLine(message);
        }
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (Interlocked.Increment(ref _presses) == 1)
        {
            e.Cancel = true;
            lock (_gate)
            {
                if (_holding)
                {
                    _held = Message;
                }
                else
                {
                    _stderr.WriteLine(Message);
                }
            }

            _stop.Cancel();
            return;
        }

        Environment.Exit(130);
    }
}
