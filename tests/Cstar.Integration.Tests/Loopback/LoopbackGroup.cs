using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>
/// The tests that read the one shared 6-host cluster (and change nothing on it) run in this collection, one at a
/// time. Every other loopback class is a collection of its own with its own cluster on its own 127.N network
/// (<see cref="Cstar.TestKit.Simulation.LoopbackNetworks"/>), so classes run in parallel, as many at once as
/// maxParallelThreads in tests/xunit.runner.json allows.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoopbackGroup : ICollectionFixture<SharedClusterFixture>
{
    public const string Name = "loopback";
}
