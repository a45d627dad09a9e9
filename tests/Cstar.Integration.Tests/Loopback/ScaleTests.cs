using System.Diagnostics;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>Many hosts start in parallel and each answers as itself (100 hosts: benchmark loopback-startup).</summary>
[Collection(LoopbackGroup.Name)]
public sealed class ScaleTests(ITestOutputHelper output)
{
    [Fact(Timeout = 120_000)]
    public async Task Thirty_hosts_start_and_each_answers_with_its_own_name()
    {
        var watch = Stopwatch.StartNew();
        await using var cluster = await LoopbackCluster.StartAsync(new LoopbackClusterOptions { Hosts = 30, Datacenters = 2, Racks = 3 });
        output.WriteLine($"30 hosts started in {watch.Elapsed.TotalSeconds:F1} s");
        using var gate = new SemaphoreSlim(8);

        var answers = await Task.WhenAll(cluster.Nodes.Select(async node =>
        {
            await gate.WaitAsync();
            try
            {
                return (node.HostName, Answer: await cluster.SshAsync(node.Address, "hostname"));
            }
            finally
            {
                gate.Release();
            }
        }));

        answers.Should().HaveCount(30).And.OnlyContain(a => a.Answer.StandardOutput == a.HostName + "\n");
        cluster.HostProcessIds.Should().HaveCount(30);
    }
}
