using System.Text.Json.Serialization;

namespace Cstar.Transport;

/// <summary>
/// How to reach hosts over SSH, shared by the SSH.NET and OpenSSH adapters. Every field is optional: what is
/// not set comes from <c>~/.ssh/config</c> (or <see cref="SshConfigFile"/>), then from OpenSSH's defaults.
/// Secrets are never fields: the password and the key passphrase come from callbacks, asked when needed,
/// so this record can be logged or persisted without leaking them.
/// </summary>
public sealed record SshOptions
{
    public string? Username { get; init; }

    public string? IdentityFile { get; init; }

    public int? Port { get; init; }

    /// <summary>
    /// The known_hosts file to check host keys against, for every host; when not set, the ssh_config's
    /// <c>UserKnownHostsFile</c> for the host, else <c>~/.ssh/known_hosts</c>.
    /// </summary>
    public string? KnownHostsFile { get; init; }

    /// <summary>The ssh_config file; default <c>~/.ssh/config</c> when it exists.</summary>
    public string? SshConfigFile { get; init; }

    /// <summary>A bastion as <c>[user@]host[:port]</c>; overrides ProxyJump from the ssh_config.</summary>
    public string? JumpHost { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A connection that does not answer a probe within this time is declared dead (frozen host, silent partition).</summary>
    public TimeSpan AliveTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>After SIGTERM (remote) or SIGINT (local), how long a timed-out command gets before SIGKILL.</summary>
    public TimeSpan KillGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Unknown host keys are appended to the known_hosts file instead of refused (a changed key is always refused).</summary>
    public bool AcceptNewHostKeys { get; init; }

    /// <summary>Write keys accepted under <see cref="AcceptNewHostKeys"/> to known_hosts; false under --dry-run (trusted for this run only).</summary>
    public bool RecordAcceptedHostKeys { get; init; } = true;

    /// <summary>Session channels opened at once on one connection; must stay within the server's MaxSessions (OpenSSH default 10).</summary>
    public int MaxSessions { get; init; } = 10;

    /// <summary>
    /// Asked (argument: the first host that needs it) once per transport for a password, and only when no identity
    /// file is found: an operator with keys is never asked. Never stored.
    /// </summary>
    [JsonIgnore]
    public Func<string, string?>? PasswordPrompt { get; init; }

    /// <summary>A password given without asking (cstar's environment), read when a connection opens: offered after the keys, to every host. Never stored.</summary>
    [JsonIgnore]
    public Func<string?>? GivenPassword { get; init; }

    /// <summary>Asked once per encrypted key file (argument: the path) when <c>CSTAR_SSH_KEY_PASSPHRASE</c> is not set; never stored.</summary>
    [JsonIgnore]
    public Func<string, string?>? PassphrasePrompt { get; init; }
}
