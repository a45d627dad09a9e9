using Cstar.TestKit.Execution;

namespace Cstar.JobStore.Tests.Contract;

/// <summary>The job store contract against the TestKit's in-memory fake that the engine tests use.</summary>
public sealed class InMemoryJobStoreContractTests : JobStoreContract<InMemoryJobStore>
{
    protected override InMemoryJobStore Store { get; } = new();
}
