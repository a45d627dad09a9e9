using System.Globalization;
using Cstar.Core.Topology;
using Cstar.Ring.Status;

namespace Cstar.Ring.Tests;

/// <summary>One string per parsed row so that tests compare every field at once and a failure shows the row.</summary>
internal static class RowFormat
{
    public static string Of(StatusEntry e) => string.Join(
        "|",
        e.Datacenter,
        e.Status is null ? "?" + Letter(e.State) : NodeStateCode.Format(e.Status.Value, e.State),
        e.Address,
        e.Port?.ToString(CultureInfo.InvariantCulture) ?? "-",
        e.Load ?? "?",
        e.Tokens?.ToString(CultureInfo.InvariantCulture) ?? "-",
        e.OwnsPercent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "?",
        e.HostId?.ToString() ?? "-",
        e.Rack);

    private static char Letter(NodeState state) => NodeStateCode.Format(NodeStatus.Up, state)[1];
}
