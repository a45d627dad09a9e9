namespace Cstar.Core.Jobs;

/// <summary>The outcome of asking for a transition: the new state, or why it was refused. A value, not an exception.</summary>
public sealed record HostTransitionResult(HostRunState? State, string? Refusal)
{
    public bool Accepted => State is not null;

    public static HostTransitionResult Accept(HostRunState state) => new(state, null);

    public static HostTransitionResult Refuse(string why) => new(null, why);
}
