namespace Cstar.Core.Ports;

/// <summary>Why a transport could not run a command at all (as opposed to the command failing).</summary>
public enum TransportFailureKind
{
    ConnectionRefused,
    Timeout,
    Authentication,
    HostKeyRejected,
    Disconnected,
    NameResolution,
    Other,
}
