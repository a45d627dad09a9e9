namespace Cstar.Core.BackPressure;

/// <summary>
/// What one node reported at <see cref="At"/>: pending compaction tasks (compactionstats) and stream plans
/// (netstats). A figure that was not asked for is null; <see cref="Error"/> says why a read failed (then the
/// node counts as not clear: an unreadable node never lets a host start).
/// </summary>
public sealed record NodeLoad(string Host, DateTimeOffset At, int? PendingCompactions, int? Streams, string? Error = null)
{
    public static NodeLoad Unreadable(string host, DateTimeOffset at, string error) => new(host, at, null, null, error);
}
