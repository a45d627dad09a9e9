namespace Cstar.Ring.Discovery;

/// <summary>Internal signal: this seed cannot answer (unreachable, nodetool failed); try the next one.</summary>
internal sealed class SeedUnusableException : Exception
{
    public SeedUnusableException(string reason)
        : base(reason)
    {
    }

    public SeedUnusableException()
    {
    }

    public SeedUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
