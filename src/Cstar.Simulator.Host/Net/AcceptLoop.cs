using System.Net.Sockets;

namespace Cstar.Simulator.Host.Net;

/// <summary>
/// The accept loop the daemon's listeners share (control socket, CQL ports): accepts until stopped or the
/// listener is closed, and serves each connection on the thread pool with the loop's token, so stopping the
/// loop also cancels the connections it is serving. Disposing it closes the listener (through
/// <c>closeListener</c>), which is what ends a pending accept.
/// </summary>
internal sealed class AcceptLoop : IAsyncDisposable
{
    private readonly Action _closeListener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts accepting at once.</summary>
    /// <param name="accept">Waits for the next connection (e.g. <c>Socket.AcceptAsync</c>).</param>
    /// <param name="serve">Serves one connection; it owns (and disposes) the socket.</param>
    /// <param name="closeListener">Closes the listener when the loop is disposed.</param>
    public AcceptLoop(Func<CancellationToken, ValueTask<Socket>> accept, Func<Socket, CancellationToken, Task> serve, Action closeListener)
    {
        _closeListener = closeListener;
        _loop = RunAsync(accept, serve, _stop.Token);
    }

    /// <summary>Cancels the loop and its connections, closes the listener, and waits for the loop to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _closeListener();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
    }

    private static async Task RunAsync(Func<CancellationToken, ValueTask<Socket>> accept, Func<Socket, CancellationToken, Task> serve, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await accept(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                // The listener was closed (a TcpListener that was stopped says InvalidOperationException).
                return;
            }

            _ = Task.Run(() => serve(connection, cancellationToken), CancellationToken.None);
        }
    }
}
