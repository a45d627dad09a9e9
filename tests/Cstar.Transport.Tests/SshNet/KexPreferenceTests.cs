using Cstar.Core.Ports;
using Cstar.Transport.Ssh;
using Cstar.Transport.SshNet;
using FluentAssertions;
using Renci.SshNet;
using Xunit;

namespace Cstar.Transport.Tests.SshNet;

/// <summary>
/// ssh_config's KexAlgorithms, as the SSH.NET transport applies it to the key exchanges SSH.NET offers: the operator
/// may trade the post-quantum hybrid (the default, and costly in CPU per connection) for a classic exchange, explicitly.
/// </summary>
public sealed class KexPreferenceTests
{
    private static List<string> Offer(string? setting)
    {
        var info = new ConnectionInfo("127.0.0.1", "root", new NoneAuthenticationMethod("root"));
        KexPreference.Apply(info.KeyExchangeAlgorithms, setting, "db-1");
        return [.. info.KeyExchangeAlgorithms.Keys];
    }

    [Fact]
    public void Without_the_keyword_the_offer_is_ssh_nets_own_with_the_post_quantum_hybrids_first()
    {
        var offer = Offer(null);

        offer.Should().Equal(new ConnectionInfo("127.0.0.1", "root", new NoneAuthenticationMethod("root")).KeyExchangeAlgorithms.Keys);
        offer[0].Should().MatchRegex("mlkem|sntrup", "SSH.NET offers a post-quantum hybrid first; cstar keeps that by default");
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
