using System.Diagnostics;
using Cstar.Core.Errors;
using Cstar.Core.Ports;
using Cstar.TestKit.Ssh;
using Cstar.Transport.SshNet;
using Cstar.Transport.Tests.Contract;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests;

/// <summary>SSH.NET-only behaviours: encrypted keys, secrets kept out of the options, pool eviction.</summary>
[Trait("Category", "Loopback")]
public sealed class SshNetTransportTests(SshServerFixture fixture) : IClassFixture<SshServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private TestSshServer Server => fixture.Server;

    [SkippableFact]
    public async Task An_encrypted_key_asks_for_its_passphrase_once()
    {
        var key = await EncryptedKeyAsync("enc_prompt");
        var asked = 0;
        var options = Options() with { IdentityFile = key, PassphrasePrompt = _ => { Interlocked.Increment(ref asked); return "s3cret pass"; } };
        await using (var transport = new SshNetTransport(options))
        {
            (await transport.RunAsync(Server.Address, ["whoami"], Timeout, Bounded())).StandardOutput.Should().Be("root\n");
            (await transport.RunAsync(Server.Address, ["whoami"], Timeout, Bounded())).StandardOutput.Should().Be("root\n");
        }

        asked.Should().Be(1);
    }

    [SkippableFact]
    public async Task An_encrypted_key_without_a_passphrase_is_a_user_error_naming_the_variable()
    {
        var key = await EncryptedKeyAsync("enc_none");
        await using var transport = new SshNetTransport(Options() with { IdentityFile = key });
        var run = () => transport.RunAsync(Server.Address, ["true"], Timeout, Bounded());
        (await run.Should().ThrowAsync<CstarException>()).Which.Hint.Should().Contain("CSTAR_SSH_KEY_PASSPHRASE");
    }

    [SkippableFact]
    public async Task With_a_key_the_operator_is_never_asked_for_an_SSH_password()
    {
        var asked = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var options = Options() with { PasswordPrompt = host => { asked.Enqueue(host); return null; } };
        await using (var transport = new SshNetTransport(options))
        {
            (await transport.RunAsync(Server.Address, ["whoami"], Timeout, Bounded())).StandardOutput.Should().Be("root\n");
        }

        asked.Should().BeEmpty("key authentication needs no password; asking would block a job at a terminal");
    }

    [SkippableFact]
    public void Secrets_never_appear_in_the_options_text()
    {
        var options = Options() with { PasswordPrompt = _ => "hunter2", PassphrasePrompt = _ => "hunter3", GivenPassword = () => "hunter4" };
        options.ToString().Should().NotContain("hunter");
        System.Text.Json.JsonSerializer.Serialize(options).Should().NotContain("Prompt");
    }

    [SkippableFact]
    public async Task A_dropped_connection_is_evicted_and_the_next_call_reconnects()
    {
        await using var transport = new SshNetTransport(Options());
        (await transport.RunAsync(Server.Address, ["true"], Timeout, Bounded())).ExitCode.Should().Be(0);
        foreach (var pid in Server.SessionPids())
        {
            ProcessTable.Signal(pid, "KILL");
        }

        CommandResult? result = null;
        for (var attempt = 0; attempt < 3 && result is null; attempt++)
        {
            try
            {
                result = await transport.RunAsync(Server.Address, ["echo", "again"], Timeout, Bounded());
            }
            catch (TransportException e) when (e.Kind == TransportFailureKind.Disconnected)
            {
                // The first call may be the one that finds the connection dead.
            }
        }

        result.Should().NotBeNull();
        result!.StandardOutput.Should().Be("again\n");
    }

    private SshOptions Options() => new()
    {
        Port = Server.Port,
        Username = "root",
        IdentityFile = Server.ClientKey(),
        KnownHostsFile = Server.KnownHostsFile,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    private async Task<string> EncryptedKeyAsync(string name)
    {
        var path = Path.Combine(Server.Directory, name);
        using (var keygen = Process.Start("ssh-keygen", ["-t", "ed25519", "-N", "s3cret pass", "-q", "-f", path]))
        {
            await keygen.WaitForExitAsync();
        }

        await File.AppendAllTextAsync(Path.Combine(Server.Directory, "authorized_keys"), await File.ReadAllTextAsync(path + ".pub"));
        return path;
    }

    private static CancellationToken Bounded() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
}
