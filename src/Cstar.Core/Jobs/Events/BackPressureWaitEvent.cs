using System.Collections.Immutable;

namespace Cstar.Core.Jobs.Events;

/// <summary>
/// The back-pressure gate holds <see cref="Host"/>'s start (or its count back, when <see cref="Returning"/>): the
/// figures of every node that holds it, e.g. <c>127.0.1.5: 7,412 pending compactions (limit 100), falling 310/h, about 23 h</c>.
/// Sent when the hold begins, then every report interval while it lasts.
/// </summary>
public sealed record BackPressureWaitEvent(DateTimeOffset Time, string JobId, string Host, bool Returning, ImmutableArray<string> Figures, TimeSpan Waited)
    : JobEvent(Time, JobId)
{
    public override string Type => JobEventTypes.BackPressureWait;
}
