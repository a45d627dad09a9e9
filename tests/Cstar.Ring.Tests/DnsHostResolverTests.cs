using System.Net;
using Cstar.Ring.Hosts;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class DnsHostResolverTests
{
    [Fact]
    public async Task Localhost_resolves_to_a_loopback_address()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var addresses = await new DnsHostResolver().ResolveAsync("localhost", timeout.Token);

        addresses.Should().NotBeEmpty().And.OnlyContain(a => IPAddress.IsLoopback(a));
    }

    [Fact]
    public async Task An_IPv6_literal_resolves_to_itself()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var addresses = await new DnsHostResolver().ResolveAsync("::1", timeout.Token);

        addresses.Should().Equal(IPAddress.IPv6Loopback);
    }
}
