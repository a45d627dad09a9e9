using Cstar.JobStore.Sqlite;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The job store of a new job, prepared on a pool thread while discovery runs. An existing store is opened there (its
/// read-only check, WAL set-up and migrations are off the critical path); a store that does not exist yet is not
/// created before it is taken, so a first run whose discovery fails leaves no jobs.db behind: meanwhile
/// <see cref="SqliteJobStore.WarmWithoutFile"/> does the costly part of an open in memory. Opening only prepares: the
/// job is recorded by <see cref="SqliteJobStore.CreateJob"/> after discovery, before any host is acted on. An error of
/// the open surfaces where the store is taken, after discovery, exactly as when it was opened there; a store never
/// taken (discovery failed, dry run) is closed.
/// </summary>
internal sealed class EarlyJobStore : IAsyncDisposable
{
    private readonly Task<SqliteJobStore>? _opening;
    private readonly Func<SqliteJobStore>? _openWhenTaken;
    private readonly Task? _warming;
    private bool _taken;

    private EarlyJobStore(Task<SqliteJobStore>? opening, Func<SqliteJobStore>? openWhenTaken, Task? warming)
    {
        _opening = opening;
        _openWhenTaken = openWhenTaken;
        _warming = warming;
    }

    /// <summary>Opens the store now, on a pool thread.</summary>
    public static EarlyJobStore Start(Func<SqliteJobStore> open) => new(Task.Run(open), null, null);

    /// <summary>When <paramref name="exists"/>, opens the store now; else runs <paramref name="warm"/> now and opens the store when it is taken.</summary>
    public static EarlyJobStore Start(Func<SqliteJobStore> open, bool exists, Action warm) =>
        exists ? Start(open) : new(null, open, Task.Run(() => Quietly(warm)));

    /// <summary>The open store; the caller owns it from here.</summary>
    public async Task<SqliteJobStore> TakeAsync()
    {
        _taken = true;
        if (_opening is not null)
        {
            return await _opening.ConfigureAwait(false);
        }

        await _warming!.ConfigureAwait(false);
        return _openWhenTaken!();
    }

    public async ValueTask DisposeAsync()
    {
        if (_taken)
        {
            return;
        }

        if (_warming is not null)
        {
            await _warming.ConfigureAwait(false);
            return;
        }

        try
        {
            (await _opening!.ConfigureAwait(false)).Dispose();
        }
#pragma warning disable CA1031 // Nobody asked for this store: its open error is not the job's error (discovery's is).
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static void Quietly(Action warm)
    {
        try
        {
            warm();
        }
#pragma warning disable CA1031 // A warm-up that fails changes nothing: the open that follows does the same work, and reports.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
