using System.Net.Sockets;
using Cstar.Core.Ports;
using Cstar.Transport.Ssh;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Cstar.Transport.SshNet;

/// <summary>
/// Opens SSH.NET connections: key (and optional password) authentication, strict host-key checking under the
/// target's own name, one jump host through a local forwarded port, and every failure turned into a
/// <see cref="TransportException"/> of the right kind, within the connect timeout.
/// </summary>
internal sealed class SshNetConnector(SshOptions options, HostKeyVerifier verifier, KeyRing keys, PasswordOnce password, TimeProvider time)
{
    public async Task<SshNetConnection> ConnectAsync(string host, SshTarget target, CancellationToken cancellationToken)
    {
        if (target.Jump is null)
        {
            var direct = await ConnectClientAsync(host, target.HostName, target.Port, target, cancellationToken);
            return new SshNetConnection(direct, null, options.MaxSessions, options.AliveTimeout, time);
        }

        var jump = await ConnectClientAsync(host, target.Jump.HostName, target.Jump.Port, target.Jump, cancellationToken);
        try
        {
            var forward = new ForwardedPortLocal("127.0.0.1", target.HostName, (uint)target.Port);
            jump.AddForwardedPort(forward);
            forward.Start();
            var client = await ConnectClientAsync(host, "127.0.0.1", (int)forward.BoundPort, target, cancellationToken);
            return new SshNetConnection(client, jump, options.MaxSessions, options.AliveTimeout, time);
        }
        catch
        {
            jump.Dispose();
            throw;
        }
    }

    private async Task<SshClient> ConnectClientAsync(string host, string address, int port, SshTarget target, CancellationToken cancellationToken)
    {
        var methods = new List<AuthenticationMethod>();
        var keySources = keys.Load(target.IdentityFiles);
        if (keySources.Count > 0)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(target.User, [.. keySources]));
        }

        // A password from the environment is offered after the keys; the operator is asked only when there is no key at all.
        if (options.GivenPassword?.Invoke() is { Length: > 0 } given)
        {
            methods.Add(new PasswordAuthenticationMethod(target.User, given));
        }
        else if (keySources.Count == 0 && await ResolvesAsync(host, address, cancellationToken) && password.Get(host) is { } asked)
        {
            methods.Add(new PasswordAuthenticationMethod(target.User, asked));
        }

        if (methods.Count == 0 && await ResolvesAsync(host, address, cancellationToken))
        {
            throw new TransportException(host, TransportFailureKind.Authentication, $"{host}: no SSH identity file found and no password given. Pass --ssh-identity-file, add IdentityFile to your ssh_config, or use --ssh-lib openssh to use an ssh-agent.");
        }

        var info = new ConnectionInfo(address, port, target.User, [.. methods]) { Timeout = options.ConnectTimeout, MaxSessions = options.MaxSessions };
        PreferKnownAlgorithms(info, HostKeyVerifier.KnownKeyTypes(target.KnownHostsFiles, target.HostName, target.Port));
        KexPreference.Apply(info.KeyExchangeAlgorithms, target.KexAlgorithms, host);
        var client = new SshClient(info) { KeepAliveInterval = options.AliveTimeout / 3 };
        string? refusal = null;
        client.HostKeyReceived += (_, e) =>
        {
            refusal = verifier.Verify(target.KnownHostsFiles, target.HostName, target.Port, e.HostKey);
            e.CanTrust = refusal is null;
        };
        using var deadline = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var connecting = Task.Run(() => client.ConnectAsync(linked.Token), CancellationToken.None);
        try
        {
            await connecting.WaitAsync(linked.Token);
            return client;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _ = connecting.ContinueWith(_ => client.Dispose(), TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
            var where = $"{target.User}@{KnownHosts.LookupName(target.HostName, target.Port)}";
            throw refusal is not null
                ? new TransportException(host, TransportFailureKind.HostKeyRejected, refusal, e)
                : Map(host, where, e, deadline.IsCancellationRequested);
        }
    }

    /// <summary>
    /// Without a key, a name that does not resolve must be reported as such (not as missing credentials),
    /// and before the operator is asked for a password that could not be used.
    /// </summary>
    private static async Task<bool> ResolvesAsync(string host, string address, CancellationToken cancellationToken)
    {
        try
        {
            await System.Net.Dns.GetHostAddressesAsync(address, cancellationToken);
            return true;
        }
        catch (SocketException e)
        {
            throw new TransportException(host, TransportFailureKind.NameResolution, $"{address}: name resolution failed ({e.Message})", e);
        }
        catch (ArgumentException e)
        {
            // 0.0.0.0, ::: an address no host can be reached at.
            throw new TransportException(host, TransportFailureKind.NameResolution, $"{address}: not an address a host can be reached at ({e.Message})", e);
        }
    }

    private TransportException Map(string host, string where, Exception e, bool timedOut)
    {
        var socket = e as SocketException ?? e.InnerException as SocketException;
        return socket?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => new(host, TransportFailureKind.ConnectionRefused, $"{where}: connection refused (is sshd running on that port?)", e),
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => new(host, TransportFailureKind.NameResolution, $"{where}: the name does not resolve", e),
            SocketError.TimedOut => new(host, TransportFailureKind.Timeout, $"{where}: no answer within {options.ConnectTimeout.TotalSeconds:0.###} s", e),
            _ when timedOut || e is SshOperationTimeoutException => new(host, TransportFailureKind.Timeout, $"{where}: could not connect within {options.ConnectTimeout.TotalSeconds:0.###} s", e),
            _ when e is SshAuthenticationException => new(host, TransportFailureKind.Authentication, $"{where}: permission denied ({e.Message}). Check --ssh-username and --ssh-identity-file.", e),
            _ when e is SshConnectionException => new(host, TransportFailureKind.Disconnected, $"{where}: the server closed the connection: {e.Message}", e),
            _ => new(host, TransportFailureKind.Other, $"{where}: {e.Message}", e),
        };
    }

    private static readonly string[] RsaAlgorithms = ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"];

    /// <summary>Offers the host key types known_hosts has for the host first, as OpenSSH does, so a known key is not reported as unknown.</summary>
    private static void PreferKnownAlgorithms(ConnectionInfo info, IReadOnlyList<string> knownTypes)
    {
        var preferred = knownTypes.SelectMany(t => t == "ssh-rsa" ? RsaAlgorithms : [t]).ToList();
        var all = info.HostKeyAlgorithms.ToList();
        info.HostKeyAlgorithms.Clear();
        foreach (var entry in all.Where(a => preferred.Contains(a.Key)).OrderBy(a => preferred.IndexOf(a.Key)).Concat(all.Where(a => !preferred.Contains(a.Key))))
        {
            info.HostKeyAlgorithms.Add(entry.Key, entry.Value);
        }
    }
}
