using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Cstar.Core.Errors;

namespace Cstar.Simulator.Host.Control;

/// <summary>Sends one request to a running daemon and returns its answer.</summary>
public static class ControlClient
{
    public static async Task<ControlResponse> SendAsync(string socketPath, ControlRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), timeoutSource.Token).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new CstarException($"the simulator daemon is not reachable at {socketPath} ({e.SocketErrorCode})", "Start a cluster with `cstar-sim up N`, or pass the --dir it was started with.");
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, ControlJson.Options) + "\n");
        await stream.WriteAsync(bytes, timeoutSource.Token).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var line = await reader.ReadLineAsync(timeoutSource.Token).ConfigureAwait(false)
            ?? throw new CstarException("the simulator daemon closed the connection without an answer", "Read daemon.log in the cluster directory.");
        return JsonSerializer.Deserialize<ControlResponse>(line, ControlJson.Options)
            ?? throw new CstarException("the simulator daemon sent an empty answer", "Read daemon.log in the cluster directory.");
    }
}
