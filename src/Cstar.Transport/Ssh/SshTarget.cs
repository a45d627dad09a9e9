namespace Cstar.Transport.Ssh;

/// <summary>
/// Where one connection goes once options and ssh_config are applied. <see cref="HostName"/> and
/// <see cref="Port"/> are also the name the host key is checked under, even when the TCP connection goes
/// through <see cref="Jump"/>. The host key is looked up in <see cref="KnownHostsFiles"/> (new keys go to the
/// first); an empty list (ssh_config <c>UserKnownHostsFile none</c>) knows no key.
/// </summary>
public sealed record SshTarget(string HostName, int Port, string User, IReadOnlyList<string> IdentityFiles, IReadOnlyList<string> KnownHostsFiles, SshTarget? Jump, string? KexAlgorithms = null);
