using Xunit;

namespace Cstar.Integration.Tests.Loopback;

/// <summary>
/// Every loopback test runs in this one collection: one at a time (the machine has two cores), sharing one
/// 6-host cluster for the tests that do not change it. Tests that change hosts start their own cluster.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoopbackGroup : ICollectionFixture<SharedClusterFixture>
{
    public const string Name = "loopback";
}
