using Cstar.Core.Ports;

namespace Cstar.Transport.OpenSsh;

/// <summary>
/// Reads ssh's own error messages. ssh exits 255 both for its own failures and when the remote command
/// exits 255; its last stderr line tells them apart.
/// </summary>
internal static class OpenSshErrors
{
    private static readonly (string Text, TransportFailureKind Kind)[] Patterns =
    [
        ("Connection refused", TransportFailureKind.ConnectionRefused),
        ("Host key verification failed", TransportFailureKind.HostKeyRejected),
        ("HOST IDENTIFICATION HAS CHANGED", TransportFailureKind.HostKeyRejected),
        ("Permission denied", TransportFailureKind.Authentication),
        ("Could not resolve hostname", TransportFailureKind.NameResolution),
        ("Connection timed out", TransportFailureKind.Timeout),
        ("not responding", TransportFailureKind.Disconnected),
        ("closed by remote host", TransportFailureKind.Disconnected),
        ("Connection reset", TransportFailureKind.Disconnected),
        ("Broken pipe", TransportFailureKind.Disconnected),
        ("read header failed", TransportFailureKind.Disconnected),
        ("client_loop:", TransportFailureKind.Disconnected),
        ("kex_exchange_identification", TransportFailureKind.Disconnected),
        ("Connection closed by", TransportFailureKind.Disconnected),
    ];

    /// <summary>The failure kind ssh reported, or null when the text is not one of ssh's own errors.</summary>
    public static TransportFailureKind? Classify(string stderr)
    {
        foreach (var (text, kind) in Patterns)
        {
            if (stderr.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}
