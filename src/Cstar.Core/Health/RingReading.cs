namespace Cstar.Core.Health;

/// <summary>
/// Ring views this job read a moment before the engine starts (discovery's nodetool status and describecluster on the
/// seed): the check before the first start may rely on them instead of reading the ring again, when they are no older
/// than <see cref="Execution.JobRunRequest.RingReadingFreshFor"/> allows. <see cref="ReadAt"/> is when the read was SENT (the views are at
/// least that fresh); <see cref="Source"/> says in the output what the check relied on.
/// </summary>
public sealed record RingReading(IReadOnlyList<RingView> Views, DateTimeOffset ReadAt, string Source)
{
    /// <summary>Fresh at <paramref name="now"/>: not older than <paramref name="freshFor"/>, and not from the future (another clock).</summary>
    public bool IsFreshAt(DateTimeOffset now, TimeSpan freshFor) => Views.Count > 0 && now >= ReadAt && now - ReadAt <= freshFor;
}
