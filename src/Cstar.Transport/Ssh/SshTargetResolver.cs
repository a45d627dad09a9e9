using System.Globalization;
using Cstar.Core.Errors;

namespace Cstar.Transport.Ssh;

/// <summary>
/// Applies cstar's SSH options over the ssh_config (options win, then the config, then OpenSSH defaults:
/// port 22, the local user name, <c>~/.ssh/id_ed25519</c>, <c>id_ecdsa</c>, <c>id_rsa</c>,
/// <c>~/.ssh/known_hosts</c>). One jump host.
/// </summary>
public sealed class SshTargetResolver(SshOptions options, SshConfigFile config)
{
    public SshTarget Resolve(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var jump = options.JumpHost ?? config.Resolve(host).ProxyJump;
        return Resolve(host, options.Username, options.Port, options.IdentityFile, jump);
    }

    private SshTarget Resolve(string host, string? user, int? port, string? identityFile, string? jump)
    {
        var fromConfig = config.Resolve(host);
        var identities = identityFile is not null ? [identityFile]
            : fromConfig.IdentityFile is not null ? [fromConfig.IdentityFile]
            : DefaultIdentityFiles();
        SshTarget? jumpTarget = null;
        if (!string.IsNullOrEmpty(jump) && !string.Equals(jump, "none", StringComparison.OrdinalIgnoreCase))
        {
            if (jump.Contains(',', StringComparison.Ordinal))
            {
                throw new CstarException($"The jump host '{jump}' has several hops; the SSH.NET transport supports one.", "Use --ssh-lib openssh for chained jump hosts.");
            }

            var (jumpUser, jumpHost, jumpPort) = ParseJumpHost(jump);
            jumpTarget = Resolve(jumpHost, jumpUser ?? config.Resolve(jumpHost).User ?? user, jumpPort, identityFile, jump: null);
        }

        return new SshTarget(
            fromConfig.HostName ?? host,
            port ?? fromConfig.Port ?? 22,
            user ?? fromConfig.User ?? Environment.UserName,
            identities,
            options.KnownHostsFile is { } knownHosts ? [knownHosts] : fromConfig.UserKnownHostsFiles ?? [DefaultKnownHostsFile()],
            jumpTarget,
            fromConfig.KexAlgorithms);
    }

    /// <summary>Parses <c>[user@]host[:port]</c> (IPv6 as <c>[addr]:port</c>).</summary>
    public static (string? User, string Host, int? Port) ParseJumpHost(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var at = spec.LastIndexOf('@');
        var user = at > 0 ? spec[..at] : null;
        var rest = spec[(at + 1)..];
        string host = rest;
        string? port = null;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? rest[1..close] : rest;
            port = close > 0 && rest.Length > close + 2 && rest[close + 1] == ':' ? rest[(close + 2)..] : null;
        }
        else if (rest.Count(c => c == ':') == 1)
        {
            host = rest[..rest.IndexOf(':', StringComparison.Ordinal)];
            port = rest[(rest.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }

        if (host.Length == 0 || (port is not null && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536)))
        {
            throw new CstarException($"The jump host '{spec}' is not [user@]host[:port].", "Write it like bastion.example.com, ops@bastion or ops@bastion:2222.");
        }

        return (user, host, port is null ? null : int.Parse(port, CultureInfo.InvariantCulture));
    }

    private static readonly string[] DefaultKeyNames = ["id_ed25519", "id_ecdsa", "id_rsa"];

    private static string UserSshDirectory() => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh");

    private static string[] DefaultIdentityFiles()
    {
        var ssh = UserSshDirectory();
        return DefaultKeyNames.Select(n => Path.Combine(ssh, n)).Where(File.Exists).ToArray();
    }

    private static string DefaultKnownHostsFile() => Path.Combine(UserSshDirectory(), "known_hosts");
}
