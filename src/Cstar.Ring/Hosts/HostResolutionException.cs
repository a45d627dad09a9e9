namespace Cstar.Ring.Hosts;

/// <summary>A host name could not be resolved (unknown name, DNS down).</summary>
public sealed class HostResolutionException : Exception
{
    public HostResolutionException(string name, string reason, Exception? innerException = null)
        : base($"'{name}' could not be resolved: {reason}", innerException)
    {
        Name = name;
    }

    public HostResolutionException()
    {
        Name = string.Empty;
    }

    public HostResolutionException(string message)
        : base(message)
    {
        Name = string.Empty;
    }

    public HostResolutionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Name = string.Empty;
    }

    public string Name { get; }
}
