namespace Cstar.Transport.Ssh;

/// <summary>
/// Strict host-key checking for the SSH.NET adapter: a key must be in the known_hosts file under the name the
/// operator used (the target's name even when connecting through a jump host). An unknown key is appended
/// only when <c>acceptNew</c> is set; a changed or revoked key is always refused. The refusal names the
/// SHA256 fingerprint and the command that accepts it.
/// </summary>
public sealed class HostKeyVerifier(string knownHostsPath, bool acceptNew)
{
    private readonly Lock _appendLock = new();

    public string KnownHostsPath => knownHostsPath;

    public IReadOnlyList<string> KnownKeyTypes(string host, int port) => KnownHosts.Load(knownHostsPath).KnownKeyTypes(host, port);

    /// <summary>Null when the key is trusted (or was just accepted); otherwise why it is refused and what to do.</summary>
    public string? Verify(string host, int port, ReadOnlySpan<byte> key)
    {
        lock (_appendLock)
        {
            var status = KnownHosts.Load(knownHostsPath).Check(host, port, key);
            var name = KnownHosts.LookupName(host, port);
            var shown = $"{KnownHosts.KeyTypeOf(key)} {KnownHosts.Fingerprint(key)}";
            switch (status)
            {
                case HostKeyStatus.Known:
                    return null;
                case HostKeyStatus.Unknown when acceptNew:
                    Append(KnownHosts.FormatLine(host, port, key));
                    return null;
                case HostKeyStatus.Unknown:
                    return $"The host key of {name} is not known ({shown}); refusing to connect. "
                        + $"Check this fingerprint with the host's owner, then run again with --accept-new-host-keys "
                        + $"(or add it: ssh-keyscan -p {port} {host} >> {knownHostsPath}).";
                case HostKeyStatus.Changed:
                    return $"The host key of {name} has CHANGED (it is now {shown}); this can be a man-in-the-middle attack, refusing to connect. "
                        + $"If the change is expected, remove the old key with ssh-keygen -R '{name}' -f {knownHostsPath} and accept the new one.";
                default:
                    return $"The host key of {name} ({shown}) is marked @revoked in {knownHostsPath}; refusing to connect.";
            }
        }
    }

    private void Append(string line)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(knownHostsPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var needsNewline = File.Exists(knownHostsPath) && new FileInfo(knownHostsPath).Length > 0 && !File.ReadAllText(knownHostsPath).EndsWith('\n');
        File.AppendAllText(knownHostsPath, (needsNewline ? "\n" : string.Empty) + line + "\n");
    }
}
