using Cstar.JobStore.Sqlite;
using Cstar.JobStore.Tests.Support;

namespace Cstar.JobStore.Tests.Contract;

/// <summary>The job store contract against SQLite, in a fresh store folder per test.</summary>
public sealed class SqliteJobStoreContractTests : JobStoreContract<SqliteJobStore>, IDisposable
{
    private readonly TempRoot _root = new();

    public SqliteJobStoreContractTests() => Store = Jobs.Open(_root);

    protected override SqliteJobStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        _root.Dispose();
    }
}
