namespace Cstar.Transport.Ssh;

/// <summary>
/// Strict host-key checking for the SSH.NET adapter: a key must be in one of the target's known_hosts files
/// (<see cref="SshTarget.KnownHostsFiles"/>) under the name the operator used (the target's name even when
/// connecting through a jump host). An unknown key is appended to the first file only when <c>acceptNew</c>
/// is set; a changed or revoked key is always refused. Several files read as one, as OpenSSH reads them: a
/// revoked entry anywhere wins, then a matching key, then a different key of the same type. The refusal
/// names the SHA256 fingerprint and the command that accepts it.
/// </summary>
/// <param name="acceptNew">Trust a key no known_hosts file has (a changed key is still refused).</param>
/// <param name="recordAccepted">Write an accepted key to known_hosts; false under --dry-run, which writes nothing.</param>
public sealed class HostKeyVerifier(bool acceptNew, bool recordAccepted = true)
{
    private readonly Lock _appendLock = new();

    public static IReadOnlyList<string> KnownKeyTypes(IReadOnlyList<string> knownHostsFiles, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(knownHostsFiles);
        return knownHostsFiles.SelectMany(f => KnownHosts.Load(f).KnownKeyTypes(host, port)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Null when the key is trusted (or was just accepted); otherwise why it is refused and what to do.</summary>
    public string? Verify(IReadOnlyList<string> knownHostsFiles, string host, int port, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(knownHostsFiles);
        lock (_appendLock)
        {
            var (status, file) = Check(knownHostsFiles, host, port, key);
            var name = KnownHosts.LookupName(host, port);
            var shown = $"{KnownHosts.KeyTypeOf(key)} {KnownHosts.Fingerprint(key)}";
            switch (status)
            {
                case HostKeyStatus.Known:
                    return null;
                case HostKeyStatus.Unknown when knownHostsFiles.Count == 0:
                    return $"The host key of {name} is not known ({shown}) and the ssh_config sets UserKnownHostsFile none; refusing to connect. "
                        + "Pass --ssh-known-hosts with a known_hosts file that has this key.";
                case HostKeyStatus.Unknown when acceptNew:
                    if (recordAccepted)
                    {
                        Append(knownHostsFiles[0], KnownHosts.FormatLine(host, port, key));
                    }

                    return null;
                case HostKeyStatus.Unknown:
                    return $"The host key of {name} is not known ({shown}); refusing to connect. "
                        + $"Check this fingerprint with the host's owner, then run again with --accept-new-host-keys "
                        + $"(or add it: ssh-keyscan -p {port} {host} >> {knownHostsFiles[0]}).";
                case HostKeyStatus.Changed:
                    return $"The host key of {name} has CHANGED (it is now {shown}); this can be a man-in-the-middle attack, refusing to connect. "
                        + $"If the change is expected, remove the old key with ssh-keygen -R '{name}' -f {file} and accept the new one.";
                default:
                    return $"The host key of {name} ({shown}) is marked @revoked in {file}; refusing to connect.";
            }
        }
    }

    /// <summary>The status over all files, and the file that decided a changed or revoked key.</summary>
    private static (HostKeyStatus Status, string? File) Check(IReadOnlyList<string> files, string host, int port, ReadOnlySpan<byte> key)
    {
        var known = false;
        string? changedIn = null;
        foreach (var file in files)
        {
            switch (KnownHosts.Load(file).Check(host, port, key))
            {
                case HostKeyStatus.Revoked:
                    return (HostKeyStatus.Revoked, file);
                case HostKeyStatus.Known:
                    known = true;
                    break;
                case HostKeyStatus.Changed:
                    changedIn ??= file;
                    break;
            }
        }

        return known ? (HostKeyStatus.Known, null)
            : changedIn is not null ? (HostKeyStatus.Changed, changedIn)
            : (HostKeyStatus.Unknown, null);
    }

    /// <summary>Appends the line; a missing folder is created 0700 and a missing file 0600, as OpenSSH does (it holds who you trust).</summary>
    private static void Append(string knownHostsPath, string line)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(knownHostsPath));
        if (directory is not null && !Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var needsNewline = File.Exists(knownHostsPath) && new FileInfo(knownHostsPath).Length > 0 && !File.ReadAllText(knownHostsPath).EndsWith('\n');
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(knownHostsPath, options);
        writer.Write((needsNewline ? "\n" : string.Empty) + line + "\n");
    }
}
