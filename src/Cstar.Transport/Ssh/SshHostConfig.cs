namespace Cstar.Transport.Ssh;

/// <summary>What an ssh_config file says about one host: the five keywords cstar's SSH.NET adapter honours.</summary>
public sealed record SshHostConfig(string? HostName, string? User, int? Port, string? IdentityFile, string? ProxyJump);
