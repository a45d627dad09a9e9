using System.Collections.Immutable;
using System.Text.Json;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.JobStore.Json;

namespace Cstar.JobStore.Sqlite;

/// <summary>The stored form of a <see cref="JobDefinition"/> (JSON in <c>jobs.definition_json</c>).</summary>
internal static class DefinitionJson
{
    public static string Serialize(JobDefinition definition) => JsonSerializer.Serialize(definition, CstarJson.Compact);

    public static string Clusters(ImmutableArray<string> clusters) => JsonSerializer.Serialize(clusters, CstarJson.Compact);

    public static ImmutableArray<string> ParseClusters(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ImmutableArray<string>>(json, CstarJson.Compact);
        }
        catch (JsonException)
        {
            return [json];
        }
    }

    /// <summary>Reads a definition back; a row that cannot be read is a CstarException naming the job, never a crash.</summary>
    public static JobDefinition Deserialize(string json, string jobId, string databasePath)
    {
        try
        {
            return TryDeserialize(json, out var error) ?? throw new JsonException(error);
        }
        catch (JsonException e)
        {
            throw new CstarException(
                $"job {jobId} in {databasePath} cannot be read: its definition is damaged or from another cstar version ({e.Message})",
                $"its outputs are in the job folder; cstar cleanup-jobs --force removes it",
                ExitCode.UserError,
                e);
        }
    }

    /// <summary>The definition, or null with the reason it cannot be read.</summary>
    public static JobDefinition? TryDeserialize(string json, out string? error)
    {
        try
        {
            error = null;
            return JsonSerializer.Deserialize<JobDefinition>(json, CstarJson.Compact) ?? throw new JsonException("empty definition");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            error = e.Message;
            return null;
        }
    }
}
