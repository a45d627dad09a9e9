using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>
/// A hundred hosts start in parallel: every sshd listens on its own address and a sample answers as itself.
/// The start time is printed, not asserted (benchmark loopback-startup also sshes into every host).
/// </summary>
[Trait("Category", "Loopback")]
public sealed class ScaleTests(ITestOutputHelper output)
{
    [SkippableFact(Timeout = 120_000)]
    public async Task A_hundred_hosts_start_in_parallel_and_each_listens_on_its_own_address()
    {
        var watch = Stopwatch.StartNew();
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 100, Datacenters = 2, Racks = 3 });
        output.WriteLine($"100 hosts started in {watch.Elapsed.TotalSeconds:F1} s");
        var sample = cluster.Nodes.Where((_, i) => i % 20 == 0 || i == 99).ToList();

        var listening = await Task.WhenAll(cluster.Addresses.Select(a => AcceptsAsync(a, cluster.SshPort)));
        var answers = await Task.WhenAll(sample.Select(async n => (n.HostName, Answer: await cluster.SshAsync(n.Address, "hostname"))));

        listening.Should().HaveCount(100).And.OnlyContain(ok => ok);
        cluster.HostProcessIds.Should().HaveCount(100);
        cluster.Addresses.Distinct().Should().HaveCount(100);
        answers.Should().HaveCount(6).And.OnlyContain(a => a.Answer.StandardOutput == a.HostName + "\n");
        output.WriteLine($"checked in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<bool> AcceptsAsync(string address, int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse(address), port), timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
