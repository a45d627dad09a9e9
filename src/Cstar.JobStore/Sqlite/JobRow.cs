namespace Cstar.JobStore.Sqlite;

/// <summary>A job row as cleanup sees it: enough to decide without trusting the definition.</summary>
internal sealed record JobRow(
    string JobId, string State, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, bool OwnerAlive, string DefinitionJson);
