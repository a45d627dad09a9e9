using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Cstar.Transport.Cql;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Cql;

/// <summary>The probe against tiny loopback servers that answer the way Cassandra does (or does not).</summary>
public sealed class CqlReadinessProbeTests
{
    private static readonly CqlReadinessProbe Probe = new(TimeSpan.FromSeconds(2));

    [Fact(Timeout = 20_000)]
    public async Task A_port_answering_OPTIONS_with_SUPPORTED_is_ready()
    {
        using var server = StartServer(async (stream, request) =>
        {
            request[4].Should().Be(0x05, "the probe must send OPTIONS");
            await stream.WriteAsync(Frame((byte)(0x80 | request[0]), 0x06, SupportedBody()));
        });

        var result = await Probe.ProbeAsync("127.0.0.1", server.Port, CancellationToken.None);

        result.Ready.Should().BeTrue(result.Detail);
        result.Detail.Should().Contain("SUPPORTED");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_node_that_only_speaks_protocol_v3_is_asked_again_in_v3()
    {
        var versions = new List<byte>();
        using var server = StartServer(async (stream, request) =>
        {
            lock (versions)
            {
                versions.Add(request[0]);
            }

            await stream.WriteAsync(request[0] == 4
                ? Frame(0x83, 0x00, ErrorBody("Invalid or unsupported protocol version (4); supported versions are (3/v3)"))
                : Frame(0x83, 0x06, SupportedBody()));
        });

        var result = await Probe.ProbeAsync("127.0.0.1", server.Port, CancellationToken.None);

        result.Ready.Should().BeTrue(result.Detail);
        versions.Should().Equal(4, 3);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_closed_port_is_not_ready_and_says_so()
    {
        var port = FreePort();

        var result = await Probe.ProbeAsync("127.0.0.1", port, CancellationToken.None);

        result.Ready.Should().BeFalse();
        result.Detail.Should().Contain("ConnectionRefused");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_port_that_accepts_but_never_answers_times_out_with_a_clear_outcome()
    {
        using var server = StartServer(async (stream, request) => await Task.Delay(TimeSpan.FromSeconds(10)));

        var result = await Probe.ProbeAsync("127.0.0.1", server.Port, CancellationToken.None);

        result.Ready.Should().BeFalse();
        result.Detail.Should().Contain("did not answer within 2 s");
    }

    [Fact(Timeout = 20_000)]
    public async Task A_port_that_speaks_another_protocol_is_not_ready()
    {
        using var server = StartServer(async (stream, request) => await stream.WriteAsync("SSH-2.0-OpenSSH_9.2\r\n"u8.ToArray()));

        var result = await Probe.ProbeAsync("127.0.0.1", server.Port, CancellationToken.None);

        result.Ready.Should().BeFalse();
    }

    private static byte[] Frame(byte version, byte opcode, byte[] body)
    {
        var frame = new byte[9 + body.Length];
        frame[0] = version;
        frame[4] = opcode;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), body.Length);
        body.CopyTo(frame, 9);
        return frame;
    }

    private static byte[] SupportedBody()
    {
        // [string multimap] with one entry: CQL_VERSION -> ["3.4.5"]
        using var body = new MemoryStream();
        void Short(int v) => body.Write([(byte)(v >> 8), (byte)v]);
        void Str(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            Short(bytes.Length);
            body.Write(bytes);
        }

        Short(1);
        Str("CQL_VERSION");
        Short(1);
        Str("3.4.5");
        return body.ToArray();
    }

    private static byte[] ErrorBody(string message)
    {
        var text = Encoding.UTF8.GetBytes(message);
        var body = new byte[6 + text.Length];
        BinaryPrimitives.WriteInt32BigEndian(body, 0x000A);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(4), (ushort)text.Length);
        text.CopyTo(body, 6);
        return body;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static TinyServer StartServer(Func<NetworkStream, byte[], Task> answer) => new(answer);

    private sealed class TinyServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();

        public TinyServer(Func<NetworkStream, byte[], Task> answer)
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    var stream = client.GetStream();
                    var request = new byte[9];
                    await stream.ReadExactlyAsync(request, _stop.Token);
                    await answer(stream, request);
                }
            });
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
