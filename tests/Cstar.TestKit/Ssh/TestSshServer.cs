using System.Diagnostics;
using System.Globalization;
using Cstar.TestKit.Requirements;

namespace Cstar.TestKit.Ssh;

/// <summary>
/// A real OpenSSH server on 127.0.0.2xx for transport tests: its own host key (ed25519), client keys
/// (ed25519, ecdsa, rsa, and rsa in PEM format), key-only root login, and the client files that go with it
/// (plain and hashed known_hosts, an ssh_config naming it <see cref="Alias"/>). Runs <c>sshd -D -e</c> and is
/// ready once sshd prints "Server listening". Dispose kills sshd and every session process below it.
/// </summary>
public sealed class TestSshServer : IAsyncDisposable
{
    private static int _next;
    private readonly Process _sshd;

    private TestSshServer(string directory, string address, int port, Process sshd)
    {
        Directory = directory;
        Address = address;
        Port = port;
        _sshd = sshd;
    }

    public string Directory { get; }

    public string Address { get; }

    public int Port { get; }

    public int ListenerPid => _sshd.Id;

    /// <summary>The name the generated ssh_config gives this server.</summary>
    public const string Alias = "testhost";

    public string KnownHostsFile => Path.Combine(Directory, "known_hosts");

    public string HashedKnownHostsFile => Path.Combine(Directory, "known_hosts_hashed");

    public string SshConfigFile => Path.Combine(Directory, "ssh_config");

    public string HostPublicKeyLine => File.ReadAllText(Path.Combine(Directory, "host_ed25519.pub")).Trim();

    public string ClientKey(string name = "id_ed25519") => Path.Combine(Directory, name);

    /// <summary>Starts a server on the next free 127.0.0.2xx address and port of this test run.</summary>
    public static async Task<TestSshServer> StartAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var n = Interlocked.Increment(ref _next) + (Environment.ProcessId % 97 * 40);
            var address = string.Create(CultureInfo.InvariantCulture, $"127.0.0.{200 + (n % 51)}");
            var port = 46000 + (n % 3000);
            try
            {
                return await StartAsync(address, port, cancellationToken);
            }
            catch (IOException) when (attempt < 5)
            {
                // Port taken by someone else: try the next one.
            }
        }
    }

    public static async Task<TestSshServer> StartAsync(string address, int port, CancellationToken cancellationToken)
    {
        LoopbackRequirement.SkipUnlessAvailable();
        var directory = System.IO.Directory.CreateTempSubdirectory("cstar-sshd-").FullName;
        System.IO.Directory.CreateDirectory("/run/sshd");
        await KeyGenAsync("-t", "ed25519", "-N", string.Empty, "-q", "-f", Path.Combine(directory, "host_ed25519"));
        await KeyGenAsync("-t", "ed25519", "-N", string.Empty, "-q", "-f", Path.Combine(directory, "id_ed25519"));
        await KeyGenAsync("-t", "ecdsa", "-N", string.Empty, "-q", "-f", Path.Combine(directory, "id_ecdsa"));
        await KeyGenAsync("-t", "rsa", "-b", "2048", "-N", string.Empty, "-q", "-f", Path.Combine(directory, "id_rsa"));
        await KeyGenAsync("-t", "rsa", "-b", "2048", "-m", "PEM", "-N", string.Empty, "-q", "-f", Path.Combine(directory, "id_rsa_pem"));
        var publicKeys = new[] { "id_ed25519", "id_ecdsa", "id_rsa", "id_rsa_pem" }.Select(k => File.ReadAllText(Path.Combine(directory, k + ".pub")));
        await File.WriteAllTextAsync(Path.Combine(directory, "authorized_keys"), string.Concat(publicKeys), cancellationToken);
        var hostKey = File.ReadAllText(Path.Combine(directory, "host_ed25519.pub")).Split(' ');
        var knownHostsLine = $"[{address}]:{port} {hostKey[0]} {hostKey[1]}\n";
        await File.WriteAllTextAsync(Path.Combine(directory, "known_hosts"), knownHostsLine, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "known_hosts_hashed"), knownHostsLine, cancellationToken);
        await KeyGenAsync("-H", "-f", Path.Combine(directory, "known_hosts_hashed"));
        File.Delete(Path.Combine(directory, "known_hosts_hashed.old"));
        await File.WriteAllTextAsync(Path.Combine(directory, "ssh_config"), $"Host testhost\n  HostName {address}\n  Port {port}\n  User root\n  IdentityFile {directory}/id_ed25519\n", cancellationToken);
        // Sessions get a HOME of their own, as a real host has: the shell sshd starts sources ~/.bashrc, and this
        // machine's root one (pyenv init and rehash, 0.24 s a command, and a rehash lock that a killed session can
        // leave behind for 60 s waits) must not be part of what the tests measure.
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "home"));
        var config = Path.Combine(directory, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            ListenAddress {address}:{port}
            HostKey {directory}/host_ed25519
            PidFile {directory}/sshd.pid
            AuthorizedKeysFile {directory}/authorized_keys
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            UsePAM no
            StrictModes no
            SetEnv HOME={directory}/home
            LogLevel INFO

            """, cancellationToken);
        var sshd = Process.Start(new ProcessStartInfo("/usr/sbin/sshd", ["-D", "-e", "-f", config]) { RedirectStandardError = true, UseShellExecute = false })!;
        var server = new TestSshServer(directory, address, port, sshd);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(15));
        var log = new System.Text.StringBuilder();
        try
        {
            while (await sshd.StandardError.ReadLineAsync(bound.Token) is { } line)
            {
                log.AppendLine(line);
                if (line.Contains("Server listening", StringComparison.Ordinal))
                {
                    _ = DrainAsync(sshd);
                    return server;
                }
            }
        }
        catch (OperationCanceledException)
        {
            log.AppendLine("(no 'Server listening' within 15 s)");
        }

        await server.DisposeAsync();
        throw new IOException($"sshd did not start on {address}:{port}: {log}");
    }

    /// <summary>The per-connection sshd processes (and whatever runs in their sessions).</summary>
    public IReadOnlyList<int> SessionPids() => ProcessTable.Descendants(_sshd.Id);

    /// <summary>SIGSTOP the listener and every session: the server looks alive to TCP but never answers.</summary>
    public void Freeze()
    {
        foreach (var pid in new[] { _sshd.Id }.Concat(SessionPids()))
        {
            ProcessTable.Signal(pid, "STOP");
        }
    }

    public ValueTask DisposeAsync()
    {
        var all = new[] { _sshd.Id }.Concat(SessionPids()).ToList();
        foreach (var pid in all)
        {
            ProcessTable.Signal(pid, "KILL");
        }

        _sshd.WaitForExit(5000);
        _sshd.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A session may still hold a file for a moment; the temp directory is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private static async Task DrainAsync(Process sshd)
    {
        try
        {
            while (await sshd.StandardError.ReadLineAsync() is not null)
            {
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static async Task KeyGenAsync(params string[] args)
    {
        using var keygen = Process.Start(new ProcessStartInfo("ssh-keygen", args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        await keygen.WaitForExitAsync();
        if (keygen.ExitCode != 0)
        {
            throw new IOException($"ssh-keygen {string.Join(' ', args)} failed: {await keygen.StandardError.ReadToEndAsync()}");
        }
    }
}
