using System.Diagnostics;
using Cstar.Core.Ports;
using Cstar.TestKit.Ssh;
using Cstar.Transport.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Contract;

/// <summary>The SSH behaviours both SSH adapters share: host keys, key types, refusals, frozen servers.</summary>
public abstract class SshTransportContract(SshServerFixture fixture) : TransportContract
{
    protected TestSshServer Server => fixture.Server;

    protected override string Host => Server.Address;

    [SkippableFact]
    public async Task A_refused_connection_fails_quickly_as_connection_refused()
    {
        await using var transport = CreateTransport(BaseOptions() with { Port = 1 });
        var clock = Stopwatch.StartNew();
        var run = () => transport.RunAsync(Host, ["true"], Generous, Bounded());
        (await run.Should().ThrowAsync<TransportException>()).Which.Kind.Should().Be(TransportFailureKind.ConnectionRefused);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [SkippableFact]
    public async Task An_unknown_host_key_is_refused_with_its_fingerprint()
    {
        var empty = Path.Combine(Server.Directory, "known_hosts_empty_" + GetType().Name);
        await File.WriteAllTextAsync(empty, string.Empty);
        await using var transport = CreateTransport(BaseOptions() with { KnownHostsFile = empty });
        var run = () => transport.RunAsync(Host, ["true"], Generous, Bounded());
        var error = (await run.Should().ThrowAsync<TransportException>()).Which;
        error.Kind.Should().Be(TransportFailureKind.HostKeyRejected);
        error.Message.Should().Contain("SHA256:").And.Contain("--accept-new-host-keys");
    }

    [SkippableFact]
    public async Task A_new_host_key_is_appended_when_accepting_new_keys()
    {
        var file = Path.Combine(Server.Directory, "known_hosts_new_" + GetType().Name);
        await File.WriteAllTextAsync(file, string.Empty);
        await using var transport = CreateTransport(BaseOptions() with { KnownHostsFile = file, AcceptNewHostKeys = true });
        (await transport.RunAsync(Host, ["echo", "ok"], Generous, Bounded())).StandardOutput.Should().Be("ok\n");
        (await File.ReadAllTextAsync(file)).Should().Contain(Server.HostPublicKeyLine.Split(' ')[1]);
    }

    [SkippableFact]
    public async Task A_new_host_key_accepted_for_this_run_only_is_not_written_to_known_hosts()
    {
        var file = Path.Combine(Server.Directory, "known_hosts_dry_" + GetType().Name);
        await File.WriteAllTextAsync(file, string.Empty);
        await using (var transport = CreateTransport(BaseOptions() with { KnownHostsFile = file, AcceptNewHostKeys = true, RecordAcceptedHostKeys = false }))
        {
            (await transport.RunAsync(Host, ["echo", "ok"], Generous, Bounded())).StandardOutput.Should().Be("ok\n");
            (await transport.RunAsync(Host, ["echo", "again"], Generous, Bounded())).StandardOutput.Should().Be("again\n");
        }

        (await File.ReadAllTextAsync(file)).Should().BeEmpty("a dry run trusts a new key for this run only");
    }

    [SkippableFact]
    public async Task A_changed_host_key_is_refused_even_when_accepting_new_keys()
    {
        var otherKey = Path.Combine(Server.Directory, "other_host_key_" + GetType().Name);
        using (var keygen = Process.Start("ssh-keygen", ["-t", "ed25519", "-N", string.Empty, "-q", "-f", otherKey]))
        {
            await keygen.WaitForExitAsync();
        }

        var parts = (await File.ReadAllTextAsync(otherKey + ".pub")).Split(' ');
        var file = Path.Combine(Server.Directory, "known_hosts_changed_" + GetType().Name);
        await File.WriteAllTextAsync(file, $"[{Server.Address}]:{Server.Port} {parts[0]} {parts[1]}\n");
        await using var transport = CreateTransport(BaseOptions() with { KnownHostsFile = file, AcceptNewHostKeys = true });
        var run = () => transport.RunAsync(Host, ["true"], Generous, Bounded());
        (await run.Should().ThrowAsync<TransportException>()).Which.Kind.Should().Be(TransportFailureKind.HostKeyRejected);
    }

    [SkippableFact]
    public async Task A_hashed_known_hosts_entry_is_accepted()
    {
        (await File.ReadAllTextAsync(Server.HashedKnownHostsFile)).Should().StartWith("|1|");
        await using var transport = CreateTransport(BaseOptions() with { KnownHostsFile = Server.HashedKnownHostsFile });
        (await transport.RunAsync(Host, ["echo", "ok"], Generous, Bounded())).StandardOutput.Should().Be("ok\n");
    }

    [SkippableTheory]
    [InlineData("id_ed25519")]
    [InlineData("id_ecdsa")]
    [InlineData("id_rsa")]
    [InlineData("id_rsa_pem")]
    public async Task Each_key_type_and_format_logs_in(string key)
    {
        await using var transport = CreateTransport(BaseOptions() with { IdentityFile = Server.ClientKey(key) });
        (await transport.RunAsync(Host, ["whoami"], Generous, Bounded())).StandardOutput.Should().Be("root\n");
    }

    [SkippableFact]
    public async Task An_ssh_config_alias_supplies_host_name_port_user_and_key()
    {
        await using var transport = CreateTransport(new SshOptions { SshConfigFile = Server.SshConfigFile, KnownHostsFile = Server.KnownHostsFile });
        (await transport.RunAsync(TestSshServer.Alias, ["whoami"], Generous, Bounded())).StandardOutput.Should().Be("root\n");
    }

    [SkippableFact]
    public async Task The_ssh_config_UserKnownHostsFile_is_used_when_no_known_hosts_file_is_given()
    {
        var missing = Path.Combine(Server.Directory, "no_such_known_hosts");
        var config = await AliasConfigAsync("ssh_config_known_hosts_", $"{missing} {Server.KnownHostsFile}");
        await using var transport = CreateTransport(new SshOptions { SshConfigFile = config, ConnectTimeout = TimeSpan.FromSeconds(5) });
        var result = await transport.RunAsync(TestSshServer.Alias, ["echo", "ok"], Generous, Bounded());
        result.StandardOutput.Should().Be("ok\n", "the key is in the second file the ssh_config names");
    }

    [SkippableFact]
    public async Task An_explicit_known_hosts_file_wins_over_the_ssh_config_UserKnownHostsFile()
    {
        var empty = Path.Combine(Server.Directory, "known_hosts_explicit_empty_" + GetType().Name);
        await File.WriteAllTextAsync(empty, string.Empty);
        var config = await AliasConfigAsync("ssh_config_explicit_", Server.KnownHostsFile);
        await using var transport = CreateTransport(new SshOptions { SshConfigFile = config, KnownHostsFile = empty, ConnectTimeout = TimeSpan.FromSeconds(5) });
        var run = () => transport.RunAsync(TestSshServer.Alias, ["true"], Generous, Bounded());
        (await run.Should().ThrowAsync<TransportException>()).Which.Kind.Should().Be(TransportFailureKind.HostKeyRejected);
    }

    [SkippableFact]
    public async Task A_jump_host_reaches_the_target_and_checks_the_targets_key_under_its_own_name()
    {
        await using var bastion = await TestSshServer.StartAsync();
        await File.AppendAllTextAsync(Path.Combine(Server.Directory, "authorized_keys"), await File.ReadAllTextAsync(bastion.ClientKey() + ".pub"));
        var knownHosts = Path.Combine(bastion.Directory, "known_hosts_both");
        await File.WriteAllTextAsync(knownHosts, await File.ReadAllTextAsync(bastion.KnownHostsFile) + await File.ReadAllTextAsync(Server.KnownHostsFile));
        var config = Path.Combine(bastion.Directory, "ssh_config_jump");
        await File.WriteAllTextAsync(config, $"Host {bastion.Address}\n  Port {bastion.Port}\n  User root\n  IdentityFile {bastion.ClientKey()}\n  UserKnownHostsFile {knownHosts}\n");
        var options = BaseOptions() with { IdentityFile = bastion.ClientKey(), KnownHostsFile = knownHosts, SshConfigFile = config, JumpHost = bastion.Address };
        await using var transport = CreateTransport(options);
        var result = await transport.RunAsync(Host, ["sh", "-c", "echo $SSH_CONNECTION"], Generous, Bounded());
        result.ExitCode.Should().Be(0, result.StandardError);
        result.StandardOutput.Split(' ')[2].Should().Be(Server.Address, "the command ran on the target");
        bastion.SessionPids().Should().NotBeEmpty("the connection went through the bastion");
    }

    [SkippableFact]
    public async Task A_frozen_server_is_detected_within_the_alive_timeout()
    {
        await using var frozen = await TestSshServer.StartAsync();
        var options = BaseOptions() with { Port = frozen.Port, IdentityFile = frozen.ClientKey(), KnownHostsFile = frozen.KnownHostsFile, AliveTimeout = TimeSpan.FromSeconds(3) };
        await using var transport = CreateTransport(options);
        (await transport.RunAsync(frozen.Address, ["true"], Generous, Bounded())).ExitCode.Should().Be(0);
        var marker = "20." + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var running = transport.RunAsync(frozen.Address, ["sleep", marker], TimeSpan.FromSeconds(60), Bounded());
        await WaitUntilAsync(() => ProcessTable.WithCommandLine("sleep " + marker).Count > 0);
        frozen.Freeze();
        var clock = Stopwatch.StartNew();
        var wait = () => running;
        (await wait.Should().ThrowAsync<TransportException>()).Which.Kind.Should().BeOneOf(TransportFailureKind.Disconnected, TransportFailureKind.Timeout);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15));
    }

    /// <summary>The server's alias config plus a UserKnownHostsFile line, in a file of its own.</summary>
    private async Task<string> AliasConfigAsync(string prefix, string knownHostsFiles)
    {
        var config = Path.Combine(Server.Directory, prefix + GetType().Name);
        var alias = await File.ReadAllTextAsync(Server.SshConfigFile);
        await File.WriteAllTextAsync(config, alias + $"  UserKnownHostsFile {knownHostsFiles}\n");
        return config;
    }

    /// <summary>Polls a condition that an external process makes true (no event to await), bounded to 10 s.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the remote command should have started");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    protected override SshOptions BaseOptions() => new()
    {
        Port = Server.Port,
        Username = "root",
        IdentityFile = Server.ClientKey(),
        KnownHostsFile = Server.KnownHostsFile,
        KillGracePeriod = TimeSpan.FromSeconds(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };
}
