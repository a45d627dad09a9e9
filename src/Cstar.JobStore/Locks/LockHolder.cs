using System.Globalization;
using Cstar.JobStore.Processes;

namespace Cstar.JobStore.Locks;

/// <summary>Who holds a cluster's machine-wide lock, as the holder wrote it beside the lock for others to read.</summary>
public sealed record LockHolder(string ClusterName, string JobId, long Pid, long StartTime, string User, string StoreRoot, DateTimeOffset Since)
{
    public ProcessIdentity Process => new(Pid, StartTime);

    public string Describe() =>
        $"job {JobId} of user {User} (process {Pid}, job store {StoreRoot}, since {Since.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC)";

    public string Serialize() => string.Join(
        '\n',
        "cluster=" + ClusterName,
        "job=" + JobId,
        "pid=" + Pid.ToString(CultureInfo.InvariantCulture),
        "start=" + StartTime.ToString(CultureInfo.InvariantCulture),
        "user=" + User,
        "store=" + StoreRoot,
        "since=" + Since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)) + "\n";

    /// <summary>The holder in <paramref name="text"/>, or null when the text is not one (half written, foreign).</summary>
    public static LockHolder? Parse(string text)
    {
        var fields = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        return fields.TryGetValue("cluster", out var cluster) && fields.TryGetValue("job", out var job)
            && long.TryParse(fields.GetValueOrDefault("pid"), CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(fields.GetValueOrDefault("start"), CultureInfo.InvariantCulture, out var start)
            && long.TryParse(fields.GetValueOrDefault("since"), CultureInfo.InvariantCulture, out var since)
            ? new LockHolder(cluster, job, pid, start, fields.GetValueOrDefault("user") ?? "?", fields.GetValueOrDefault("store") ?? "?", DateTimeOffset.FromUnixTimeMilliseconds(since))
            : null;
    }
}
