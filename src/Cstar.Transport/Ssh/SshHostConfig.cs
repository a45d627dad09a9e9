namespace Cstar.Transport.Ssh;

/// <summary>
/// What an ssh_config file says about one host: the seven keywords cstar's SSH.NET adapter honours.
/// <see cref="UserKnownHostsFiles"/> is null when the config does not say, and empty for <c>none</c>;
/// <see cref="KexAlgorithms"/> is the keyword's value as written (see <c>KexPreference</c>).
/// </summary>
public sealed record SshHostConfig(string? HostName, string? User, int? Port, string? IdentityFile, string? ProxyJump, IReadOnlyList<string>? UserKnownHostsFiles = null, string? KexAlgorithms = null);
