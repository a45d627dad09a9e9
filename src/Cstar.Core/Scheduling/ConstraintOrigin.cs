using Cstar.Core.Replication;

namespace Cstar.Core.Scheduling;

/// <summary>The first (keyspace, range, scope) that produced a deduplicated replica requirement, for reasons.</summary>
internal sealed record ConstraintOrigin(string Keyspace, TokenRange Range, string Scope, string Level)
{
    public string RangeText => $"({Range.StartToken},{Range.EndToken}]";
}
