namespace Cstar.Core.Planning;

/// <summary>Duration guesses for a dry run: one host's command, and the health gate (waiting for it to come back).</summary>
public sealed record PlanEstimate(TimeSpan PerHost, TimeSpan Gate)
{
    public static PlanEstimate Default { get; } = new(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)) { Basis = "a guess of 2 min per host and 30 s to come back; --estimate-per-host sets it" };

    /// <summary>Where the figures come from, for the operator (printed under the plan's first line).</summary>
    public string? Basis { get; init; }
}
