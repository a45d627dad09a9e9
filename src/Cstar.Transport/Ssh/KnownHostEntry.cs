namespace Cstar.Transport.Ssh;

/// <summary>One line of a known_hosts file: hosts field (patterns or hashed names), key type, key blob, optional marker.</summary>
public sealed record KnownHostEntry(string? Marker, IReadOnlyList<string> Hosts, string KeyType, ReadOnlyMemory<byte> Key, int LineNumber);
