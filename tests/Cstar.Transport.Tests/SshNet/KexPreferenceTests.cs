using Cstar.Core.Ports;
using Cstar.Transport.Ssh;
using Cstar.Transport.SshNet;
using FluentAssertions;
using Renci.SshNet;
using Xunit;

namespace Cstar.Transport.Tests.SshNet;

/// <summary>
/// The key exchanges the SSH.NET transport offers: by default the cheap post-quantum hybrid (ML-KEM) first, then
/// curve25519, and the costly sntrup761 hybrid after them; ssh_config's KexAlgorithms changes that as OpenSSH reads it.
/// </summary>
public sealed class KexPreferenceTests
{
    private static List<string> Offer(string? setting)
    {
        var info = new ConnectionInfo("127.0.0.1", "root", new NoneAuthenticationMethod("root"));
        KexPreference.Apply(info.KeyExchangeAlgorithms, setting, "db-1");
        return [.. info.KeyExchangeAlgorithms.Keys];
    }

    private static List<string> SshNetsOwn() => [.. new ConnectionInfo("127.0.0.1", "root", new NoneAuthenticationMethod("root")).KeyExchangeAlgorithms.Keys];

    [Fact]
    public void Without_the_keyword_the_ml_kem_hybrid_comes_first_then_curve25519_and_sntrup761_after_them()
    {
        var offer = Offer(null);

        offer.Should().BeEquivalentTo(SshNetsOwn(), "nothing SSH.NET supports is dropped");
        offer[0].Should().Be("mlkem768x25519-sha256");
        offer[1].Should().Be("curve25519-sha256");
        var sntrup = offer.FindIndex(a => a.StartsWith("sntrup761", StringComparison.Ordinal));
        sntrup.Should().Be(offer.FindLastIndex(a => a.StartsWith("curve25519", StringComparison.Ordinal)) + 1, "sntrup761 costs about 50 ms of CPU per connection in SSH.NET");
        offer.Skip(sntrup + 2).Should().Equal(SshNetsOwn().SkipWhile(a => !a.StartsWith("ecdh", StringComparison.Ordinal)), "the rest keeps SSH.NET's order");
    }

    [Fact]
    public void A_caret_restores_the_sntrup761_hybrid_first_for_an_operator_who_requires_it()
    {
        var offer = Offer("^sntrup761x25519-sha512@openssh.com");

        offer[0].Should().Be("sntrup761x25519-sha512@openssh.com");
        offer.Should().BeEquivalentTo(SshNetsOwn());
    }

    [Fact]
    public void A_list_replaces_the_offer_in_its_order_and_skips_names_ssh_net_lacks()
    {
        Offer("curve25519-sha256,no-such-kex@example.com,ecdh-sha2-nistp256").Should().Equal("curve25519-sha256", "ecdh-sha2-nistp256");
    }

    [Fact]
    public void A_caret_puts_the_named_exchanges_first_and_keeps_the_rest()
    {
        var offer = Offer("^curve25519-sha256");

        offer[0].Should().Be("curve25519-sha256");
        offer.Should().BeEquivalentTo(Offer(null));
    }

    [Fact]
    public void A_minus_removes_the_named_exchanges_and_a_plus_changes_nothing()
    {
        var defaults = Offer(null);

        Offer("-" + defaults[0]).Should().Equal(defaults.Skip(1));
        Offer("+curve25519-sha256").Should().Equal(defaults);
    }

    [Fact]
    public void A_list_that_leaves_no_exchange_is_refused_with_the_host_and_the_way_out()
    {
        var act = () => Offer("diffie-hellman-group1-sha1-only@example.com");

        act.Should().Throw<TransportException>()
            .Where(e => e.Kind == TransportFailureKind.Authentication && e.Message.Contains("db-1", StringComparison.Ordinal) && e.Message.Contains("--ssh-lib openssh", StringComparison.Ordinal));
    }

    [Fact]
    public void The_keyword_is_read_per_host_from_ssh_config_and_reaches_the_connection_target()
    {
        var config = SshConfigFile.Parse("""
            Host fast-*
              KexAlgorithms curve25519-sha256

            Host *
              User ops
            """);
        var resolver = new SshTargetResolver(new SshOptions(), config);

        resolver.Resolve("fast-1").KexAlgorithms.Should().Be("curve25519-sha256");
        resolver.Resolve("other").KexAlgorithms.Should().BeNull();
    }
}
