namespace Cstar.Core.Ports;

/// <summary>The transport could not reach the host or lost it. Discovery tries the next seed on it.</summary>
public sealed class TransportException : Exception
{
    public TransportException(string host, TransportFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Host = host;
        Kind = kind;
    }

    public TransportException()
        : this(string.Empty, TransportFailureKind.Other, "transport failure")
    {
    }

    public TransportException(string message)
        : this(string.Empty, TransportFailureKind.Other, message)
    {
    }

    public TransportException(string message, Exception innerException)
        : this(string.Empty, TransportFailureKind.Other, message, innerException)
    {
    }

    public string Host { get; }

    public TransportFailureKind Kind { get; }
}
