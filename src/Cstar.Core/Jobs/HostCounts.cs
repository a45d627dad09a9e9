using System.Collections.Immutable;

namespace Cstar.Core.Jobs;

/// <summary>How many hosts of a job are in each state.</summary>
public sealed record HostCounts(
    int Pending, int Starting, int Running, int Succeeded, int Failed, int TimedOut, int DidNotComeBack, int Skipped)
{
    public static HostCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public int Total => Pending + Starting + Running + Succeeded + Failed + TimedOut + DidNotComeBack + Skipped;

    public HostCounts Add(HostRunStateKind kind, int count = 1) => kind switch
    {
        HostRunStateKind.Pending => this with { Pending = Pending + count },
        HostRunStateKind.Starting => this with { Starting = Starting + count },
        HostRunStateKind.Running => this with { Running = Running + count },
        HostRunStateKind.Succeeded => this with { Succeeded = Succeeded + count },
        HostRunStateKind.Failed => this with { Failed = Failed + count },
        HostRunStateKind.TimedOut => this with { TimedOut = TimedOut + count },
        HostRunStateKind.DidNotComeBack => this with { DidNotComeBack = DidNotComeBack + count },
        HostRunStateKind.Skipped => this with { Skipped = Skipped + count },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static HostCounts Of(IEnumerable<HostRunState> hosts) =>
        hosts.Aggregate(Empty, (counts, h) => counts.Add(h.Kind));

    public static HostCounts Of(ImmutableArray<HostRunState> hosts) => Of(hosts.AsEnumerable());
}
