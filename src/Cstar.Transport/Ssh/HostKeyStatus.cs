namespace Cstar.Transport.Ssh;

/// <summary>What the known_hosts file says about a host key a server presented.</summary>
public enum HostKeyStatus
{
    /// <summary>A matching entry holds this very key.</summary>
    Known,

    /// <summary>No entry for this host and key type: refused unless new keys are accepted.</summary>
    Unknown,

    /// <summary>The host is known with a different key of the same type: always refused (possible man in the middle).</summary>
    Changed,

    /// <summary>The key is marked <c>@revoked</c>: always refused.</summary>
    Revoked,
}
