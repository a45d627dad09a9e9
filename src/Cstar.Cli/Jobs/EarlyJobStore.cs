using Cstar.JobStore.Sqlite;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The job store of a new job, opened on a pool thread while discovery runs (its read-only check, WAL set-up and
/// migrations are off the critical path). Opening only prepares: the job is recorded by <see cref="SqliteJobStore.CreateJob"/>
/// after discovery, before any host is acted on, as before. An error of the open surfaces where the store is taken,
/// after discovery, exactly as when it was opened there; a store never taken (discovery failed, dry run) is closed.
/// </summary>
internal sealed class EarlyJobStore : IAsyncDisposable
{
    private readonly Task<SqliteJobStore> _opening;
    private bool _taken;

    private EarlyJobStore(Task<SqliteJobStore> opening) => _opening = opening;

    public static EarlyJobStore Start(Func<SqliteJobStore> open) => new(Task.Run(open));

    /// <summary>The open store; the caller owns it from here.</summary>
    public async Task<SqliteJobStore> TakeAsync()
    {
        _taken = true;
        return await _opening.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_taken)
        {
            return;
        }

        try
        {
            (await _opening.ConfigureAwait(false)).Dispose();
        }
#pragma warning disable CA1031 // Nobody asked for this store: its open error is not the job's error (discovery's is).
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
