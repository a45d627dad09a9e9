using System.Buffers.Binary;
using System.Text;

namespace Cstar.Simulator.Host.Cql;

/// <summary>
/// The few Cassandra native-protocol frames the simulated CQL port speaks (protocol spec v4, section 2):
/// 9-byte header [version|0x80][flags][stream:int16][opcode][length:int32], then the body.
/// </summary>
public static class CqlFrames
{
    public const int HeaderLength = 9;
    public const byte OpError = 0x00;
    public const byte OpStartup = 0x01;
    public const byte OpReady = 0x02;
    public const byte OpOptions = 0x05;
    public const byte OpSupported = 0x06;

    /// <summary>SUPPORTED: a [string multimap] of CQL_VERSION, COMPRESSION and PROTOCOL_VERSIONS for the node's version.</summary>
    public static byte[] Supported(byte requestVersion, short stream, string cassandraVersion)
    {
        ArgumentNullException.ThrowIfNull(cassandraVersion);
        var cql = cassandraVersion.StartsWith("3.", StringComparison.Ordinal) ? "3.4.4" : "3.4.5";
        var body = new List<byte>();
        WriteShort(body, 3);
        WriteString(body, "CQL_VERSION");
        WriteStringList(body, [cql]);
        WriteString(body, "COMPRESSION");
        WriteStringList(body, ["snappy", "lz4"]);
        WriteString(body, "PROTOCOL_VERSIONS");
        WriteStringList(body, ["3/v3", "4/v4", "5/v5-beta"]);
        return Frame(requestVersion, stream, OpSupported, [.. body]);
    }

    public static byte[] Ready(byte requestVersion, short stream) => Frame(requestVersion, stream, OpReady, []);

    /// <summary>ERROR with code 0x000A (protocol error) and a message.</summary>
    public static byte[] ProtocolError(byte requestVersion, short stream, string message)
    {
        var body = new List<byte> { 0x00, 0x00, 0x00, 0x0A };
        WriteString(body, message);
        return Frame(requestVersion, stream, OpError, [.. body]);
    }

    public static byte[] Frame(byte requestVersion, short stream, byte opcode, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var frame = new byte[HeaderLength + body.Length];
        frame[0] = (byte)(0x80 | (requestVersion & 0x7F));
        frame[1] = 0;
        BinaryPrimitives.WriteInt16BigEndian(frame.AsSpan(2), stream);
        frame[4] = opcode;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), body.Length);
        body.CopyTo(frame, HeaderLength);
        return frame;
    }

    private static void WriteStringList(List<byte> body, IReadOnlyList<string> values)
    {
        WriteShort(body, (short)values.Count);
        foreach (var value in values)
        {
            WriteString(body, value);
        }
    }

    private static void WriteString(List<byte> body, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteShort(body, (short)bytes.Length);
        body.AddRange(bytes);
    }

    private static void WriteShort(List<byte> body, short value)
    {
        body.Add((byte)(value >> 8));
        body.Add((byte)value);
    }
}
