namespace Cstar.Simulator.State;

/// <summary>
/// Pending compaction tasks that rise when work is added (flush, upgradesstables, restart) and drain at a
/// fixed rate while Cassandra runs; evaluated lazily against the clock.
/// </summary>
internal sealed class CompactionBacklog
{
    private int pendingAtMark;
    private DateTimeOffset mark;

    public CompactionBacklog(DateTimeOffset now, double tasksPerSecond)
    {
        mark = now;
        TasksPerSecond = tasksPerSecond;
    }

    public double TasksPerSecond { get; set; }

    public int Pending(DateTimeOffset now)
    {
        var drained = (now - mark).TotalSeconds * TasksPerSecond;
        return Math.Max(0, pendingAtMark - (int)Math.Floor(Math.Max(0, drained)));
    }

    public void Add(DateTimeOffset now, int tasks)
    {
        pendingAtMark = Pending(now) + tasks;
        mark = now;
    }

    /// <summary>Stops draining (Cassandra down): freezes the count at its current value.</summary>
    public void Freeze(DateTimeOffset now)
    {
        pendingAtMark = Pending(now);
        mark = DateTimeOffset.MaxValue;
    }

    public void Resume(DateTimeOffset now)
    {
        if (mark == DateTimeOffset.MaxValue)
        {
            mark = now;
        }
    }
}
