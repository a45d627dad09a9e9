namespace Cstar.Core.Planning;

/// <summary>Duration guesses for a dry run: one host's command, and the health gate (waiting for it to come back).</summary>
public sealed record PlanEstimate(TimeSpan PerHost, TimeSpan Gate)
{
    public static PlanEstimate Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30));
}
