namespace Cstar.Core.BackPressure;

/// <summary>
/// The pending-compaction samples of each node over the last <see cref="Window"/>, and their trend (tasks per hour,
/// negative when falling).
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

    /// <summary>
    /// Tasks per hour (negative: falling), or null with fewer than two samples a second apart: the least-squares slope
    /// of the samples since the newest peak of the window (a jump caused by the job itself does not hide the fall that
    /// follows it), or of the whole window when the newest sample is the peak (rising).
    /// </summary>
    public double? RatePerHour(string host)
    {
        if (!_samples.TryGetValue(host, out var list) || list.Count < 2)
        {
            return null;
        }

        var highest = list.Max(s => s.Pending);
        var peak = list.FindLastIndex(s => s.Pending == highest);
        var segment = peak < list.Count - 1 ? list[peak..] : list;
        if ((segment[^1].At - segment[0].At).TotalSeconds < 1)
        {
            return null;
        }

        var origin = segment[0].At;
        var xs = segment.Select(s => (s.At - origin).TotalHours).ToList();
        var (meanX, meanY) = (xs.Average(), segment.Average(s => (double)s.Pending));
        var covariance = xs.Zip(segment, (x, s) => (x - meanX) * (s.Pending - meanY)).Sum();
        var variance = xs.Sum(x => (x - meanX) * (x - meanX));
        return covariance / variance;
    }
}
