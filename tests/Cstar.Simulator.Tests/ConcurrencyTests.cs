using Cstar.Simulator.Spec;
using Cstar.TestKit.Simulation;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Nodetool_and_controls_from_many_threads_never_corrupt_the_ring()
    {
        var clock = new ManualClock();
        var ring = new SimulatedRing(RingBuilder.Create().WithGeneratedNodes(9, 3, 3, 16, seed: 5).Build(), clock);
        var addresses = ring.Nodes.Select(n => n.Address).ToArray();
        var failures = 0;

        var workers = Enumerable.Range(0, 6).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 60; i++)
            {
                var address = addresses[(w + i) % addresses.Length];
                switch (i % 4)
                {
                    case 0:
                        ring.StopCassandra(address);
                        break;
                    case 1:
                        ring.StartCassandra(address, TimeSpan.Zero);
                        break;
                    case 2:
                        var status = ring.RunNodetool(address, ["status"]);
                        if (status.ExitCode == 0 && !status.StandardOutput.StartsWith("Datacenter: dc1\n", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref failures);
                        }

                        break;
                    default:
                        ring.RunNodetool(address, ["describecluster"]);
                        break;
                }
            }
        }));

        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));

        failures.Should().Be(0);
        foreach (var address in addresses)
        {
            ring.StartCassandra(address, TimeSpan.Zero);
        }

        ring.RunNodetool("127.0.0.1", ["status"]).ExitCode.Should().Be(0);
        addresses.Should().OnlyContain(a => ring.IsNativeTransportUp(a));
    }
}
