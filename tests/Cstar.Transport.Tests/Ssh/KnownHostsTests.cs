using System.Security.Cryptography;
using System.Text;
using Cstar.Transport.Ssh;
using FluentAssertions;
using Xunit;
using static Cstar.Transport.Tests.Ssh.TestHostKeys;

namespace Cstar.Transport.Tests.Ssh;

public sealed class KnownHostsTests
{
    private static readonly byte[] KeyA = Blob("ssh-ed25519", 1);
    private static readonly byte[] KeyB = Blob("ssh-ed25519", 2);
    private static readonly byte[] RsaKey = Blob("ssh-rsa", 3);

    [Fact]
    public void A_plain_entry_on_port_22_matches_the_bare_host_name()
    {
        var hosts = KnownHosts.Parse($"db1.example.com {Line(KeyA)}\n");
        hosts.Check("db1.example.com", 22, KeyA).Should().Be(HostKeyStatus.Known);
        hosts.Check("db1.example.com", 2222, KeyA).Should().Be(HostKeyStatus.Unknown);
    }

    [Fact]
    public void A_non_standard_port_uses_the_bracket_form()
    {
        var hosts = KnownHosts.Parse($"[10.0.0.1]:2222 {Line(KeyA)}\n");
        hosts.Check("10.0.0.1", 2222, KeyA).Should().Be(HostKeyStatus.Known);
        hosts.Check("10.0.0.1", 22, KeyA).Should().Be(HostKeyStatus.Unknown);
    }

    [Fact]
    public void A_comma_list_with_wildcards_and_negation_matches_like_openssh()
    {
        var hosts = KnownHosts.Parse($"db*.example.com,!db9.example.com,10.0.0.? {Line(KeyA)}\n");
        hosts.Check("db1.example.com", 22, KeyA).Should().Be(HostKeyStatus.Known);
        hosts.Check("10.0.0.7", 22, KeyA).Should().Be(HostKeyStatus.Known);
        hosts.Check("db9.example.com", 22, KeyA).Should().Be(HostKeyStatus.Unknown);
        hosts.Check("web1.example.com", 22, KeyA).Should().Be(HostKeyStatus.Unknown);
    }

    [Fact]
    public void A_hashed_entry_matches_its_name_only()
    {
        var salt = Enumerable.Range(0, 20).Select(i => (byte)i).ToArray();
#pragma warning disable CA5350 // the format under test is HMAC-SHA1
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes("[10.0.0.1]:2222"));
#pragma warning restore CA5350
        var hosts = KnownHosts.Parse($"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hash)} {Line(KeyA)}\n");
        hosts.Check("10.0.0.1", 2222, KeyA).Should().Be(HostKeyStatus.Known);
        hosts.Check("10.0.0.2", 2222, KeyA).Should().Be(HostKeyStatus.Unknown);
    }

    [Fact]
    public void A_different_key_of_the_same_type_is_a_changed_key()
    {
        var hosts = KnownHosts.Parse($"db1 {Line(KeyA)}\n");
        hosts.Check("db1", 22, KeyB).Should().Be(HostKeyStatus.Changed);
    }

    [Fact]
    public void A_key_of_another_type_is_unknown_not_changed()
    {
        var hosts = KnownHosts.Parse($"db1 {Line(KeyA)}\n");
        hosts.Check("db1", 22, RsaKey).Should().Be(HostKeyStatus.Unknown);
        hosts.KnownKeyTypes("db1", 22).Should().Equal("ssh-ed25519");
    }

    [Fact]
    public void A_revoked_key_is_refused_even_when_also_listed_as_known()
    {
        var hosts = KnownHosts.Parse($"db1 {Line(KeyA)}\n@revoked * {Line(KeyA)}\n");
        hosts.Check("db1", 22, KeyA).Should().Be(HostKeyStatus.Revoked);
    }

    [Fact]
    public void Comments_blank_lines_cert_authorities_and_garbage_never_make_a_key_known()
    {
        var hosts = KnownHosts.Parse($"# comment\n\n@cert-authority * {Line(KeyA)}\ndb1 ssh-ed25519 not-base64!\n");
        hosts.Check("db1", 22, KeyA).Should().Be(HostKeyStatus.Unknown);
    }

    [Fact]
    public void The_fingerprint_is_openssh_style_sha256()
    {
        KnownHosts.Fingerprint(KeyA).Should().StartWith("SHA256:").And.NotEndWith("=");
        KnownHosts.FormatLine("h", 2200, KeyA).Should().Be($"[h]:2200 {Line(KeyA)}");
    }
}
