using System.Globalization;

namespace Cstar.Transport.OpenSsh;

/// <summary>
/// Builds the <c>ssh</c> argv: batch mode (never a prompt), connect timeout, one ControlMaster per host in a
/// private socket directory, ServerAlive probes sized from the alive timeout, strict host-key checking
/// (accept-new only when opted in), then cstar's options over the ssh_config.
/// </summary>
internal sealed class OpenSshArgs(SshOptions options, string controlDirectory)
{
    /// <summary>The ssh argv that runs one remote command line on <paramref name="host"/>.</summary>
    public IReadOnlyList<string> Command(string host, string remoteCommand)
    {
        var alive = Math.Max(1, (int)Math.Ceiling(options.AliveTimeout.TotalSeconds / 3));
        var argv = new List<string>
        {
            "ssh",
            "-o", "BatchMode=yes",
            "-o", "ConnectTimeout=" + Math.Max(1, (int)Math.Ceiling(options.ConnectTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            "-o", "ControlMaster=auto",
            "-o", "ControlPath=" + Path.Combine(controlDirectory, "%C"),
            "-o", "ControlPersist=60",
            "-o", "ServerAliveInterval=" + alive.ToString(CultureInfo.InvariantCulture),
            "-o", "ServerAliveCountMax=3",
            "-o", "StrictHostKeyChecking=" + (options.AcceptNewHostKeys ? "accept-new" : "yes"),
            "-o", "LogLevel=ERROR",
        };
        if (options.SshConfigFile is { } config)
        {
            argv.AddRange(["-F", config]);
        }

        if (options.AcceptNewHostKeys && !options.RecordAcceptedHostKeys)
        {
            // ssh appends an accepted key to the FIRST UserKnownHostsFile: a file in the private control directory
            // (deleted with it) takes the write, the user's file is still read. This replaces an ssh_config
            // UserKnownHostsFile for this run only (--dry-run).
            var userFiles = options.KnownHostsFile is { } chosen ? Quoted(chosen) : "~/.ssh/known_hosts ~/.ssh/known_hosts2";
            argv.AddRange(["-o", "UserKnownHostsFile=" + Quoted(Path.Combine(controlDirectory, "accepted_known_hosts")) + " " + userFiles]);
        }
        else if (options.KnownHostsFile is { } knownHosts)
        {
            argv.AddRange(["-o", "UserKnownHostsFile=" + knownHosts]);
        }

        if (options.IdentityFile is { } identity)
        {
            argv.AddRange(["-i", identity, "-o", "IdentitiesOnly=yes"]);
        }

        if (options.Username is { } user)
        {
            argv.AddRange(["-l", user]);
        }

        if (options.Port is { } port)
        {
            argv.AddRange(["-p", port.ToString(CultureInfo.InvariantCulture)]);
        }

        if (options.JumpHost is { } jump)
        {
            argv.AddRange(["-J", jump]);
        }

        argv.AddRange(["--", host, remoteCommand]);
        return argv;
    }

    private static string Quoted(string path) => path.Contains(' ', StringComparison.Ordinal) ? "\"" + path + "\"" : path;

    /// <summary><c>ssh -O check|exit host</c> with the same options, addressed to the host's master.</summary>
    public IReadOnlyList<string> Control(string host, string operation) => [.. Command(host, "true").SkipLast(3), "-O", operation, "--", host];

    /// <summary><c>ssh -G host</c>: the configuration ssh would use, to find the real host name and port.</summary>
    public IReadOnlyList<string> Resolve(string host) => [.. Command(host, "true").SkipLast(3), "-G", "--", host];
}
