using Cstar.Simulator.Host.Daemon;

namespace Cstar.Integration.Tests.Cli;

/// <summary>
/// When a host's Cassandra was out of service, from the simulator's history: from the first drain, stop,
/// power-off or reboot until the instant Cassandra serves again after the next start or power-on
/// (<see cref="DateTimeOffset.MaxValue"/> if it never came back).
/// </summary>
internal sealed record DownWindow(string Address, DateTimeOffset From, DateTimeOffset Until)
{
    public static IReadOnlyList<DownWindow> Of(IEnumerable<HostEvent> events)
    {
        var windows = new List<DownWindow>();
        var open = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var goesDown = e.IsNodetool("drain") || e.IsNodetool("stopdaemon") || e.What is "drain" or "stop" or "poweroff" or "reboot";
            if (goesDown)
            {
                open.TryAdd(e.Address, e.At);
            }
            else if (e.ServingFrom is { } serving && open.Remove(e.Address, out var from))
            {
                windows.Add(new DownWindow(e.Address, from, serving));
            }
        }

        windows.AddRange(open.Select(o => new DownWindow(o.Key, o.Value, DateTimeOffset.MaxValue)));
        return [.. windows.OrderBy(w => w.From)];
    }

    public override string ToString() => $"{Address} down {From:HH:mm:ss.fff} .. {(Until == DateTimeOffset.MaxValue ? "never back" : Until.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture))}";
}
