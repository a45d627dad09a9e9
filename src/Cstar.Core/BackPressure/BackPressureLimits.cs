namespace Cstar.Core.BackPressure;

/// <summary>
/// The back-pressure gate's limits: a host starts (and a finished host counts back) only while it and its
/// replicas report fewer than <see cref="MaxPendingCompactions"/> pending compactions and, with
/// <see cref="NoStreaming"/>, no streams. Both off: no gate.
/// </summary>
public sealed record BackPressureLimits(int? MaxPendingCompactions, bool NoStreaming)
{
    public static readonly BackPressureLimits None = new(null, false);

    public bool IsActive => MaxPendingCompactions is not null || NoStreaming;

    /// <summary>The flag wins over the command's header (<c># C* wait-for: compactions&lt;N</c>): either may turn the gate on.</summary>
    public static BackPressureLimits Of(int? flagLimit, int? headerLimit, bool noStreaming) =>
        new(flagLimit ?? headerLimit, noStreaming);
}
