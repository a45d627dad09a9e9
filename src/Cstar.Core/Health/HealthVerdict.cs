using System.Collections.Immutable;

namespace Cstar.Core.Health;

/// <summary>The outcome of a health rule, with a printable reason and notes (things tolerated but worth reporting).</summary>
public sealed record HealthVerdict(HealthVerdictKind Kind, string Reason, ImmutableArray<string> Notes)
{
    public static HealthVerdict Ok(params string[] notes) => new(HealthVerdictKind.Ok, "healthy", [.. notes]);

    public static HealthVerdict Wait(string reason) => new(HealthVerdictKind.Wait, reason, []);

    public static HealthVerdict Block(string reason, params string[] notes) => new(HealthVerdictKind.Block, reason, [.. notes]);

    public bool IsOk => Kind == HealthVerdictKind.Ok;

    public override string ToString() => $"{Kind}: {Reason}";
}
