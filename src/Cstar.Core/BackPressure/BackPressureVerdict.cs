using System.Collections.Immutable;

namespace Cstar.Core.BackPressure;

/// <summary>Clear, or the figures of every node that holds the gate (one line each, as shown to the operator).</summary>
public sealed record BackPressureVerdict(ImmutableArray<string> Figures)
{
    public static readonly BackPressureVerdict Clear = new([]);

    public bool IsClear => Figures.IsEmpty;

    public string Reason => string.Join("; ", Figures);
}
