namespace Cstar.Core.BackPressure;

/// <summary>
/// The pending-compaction samples of each node over the last <see cref="Window"/>: the trend (tasks per hour,
/// negative when falling) is the change from the oldest sample kept to the newest.
/// </summary>
public sealed class LoadHistory
{
    private readonly Dictionary<string, List<(DateTimeOffset At, int Pending)>> _samples = new(StringComparer.Ordinal);

    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);

    public void Record(NodeLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (load.PendingCompactions is not int pending)
        {
            return;
        }

        if (!_samples.TryGetValue(load.Host, out var list))
        {
            _samples[load.Host] = list = [];
        }

        list.Add((load.At, pending));
        list.RemoveAll(s => load.At - s.At > Window && s != list[^1]);
    }

    /// <summary>Tasks per hour (negative: falling), or null with fewer than two samples a second apart.</summary>
    public double? RatePerHour(string host)
    {
        if (!_samples.TryGetValue(host, out var list) || list.Count < 2)
        {
            return null;
        }

        var (first, last) = (list[0], list[^1]);
        var hours = (last.At - first.At).TotalHours;
        return hours * 3600 < 1 ? null : (last.Pending - first.Pending) / hours;
    }
}
