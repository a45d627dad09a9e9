using System.Text.Json;
using Cstar.JobStore.Json;

namespace Cstar.JobStore.Timeline;

/// <summary>
/// <c>plan.json</c> in the job folder, written once when the job is created: where each host sits (cluster, DC,
/// rack) and what the dry run would have predicted (waves and duration, and the basis of the estimate), so the
/// timeline report can group hosts and set the estimate against what happened. Older jobs have none.
/// </summary>
public sealed record JobPlanRecord(
    TimeSpan EstimatedDuration,
    string? EstimateBasis,
    IReadOnlyList<JobPlanRecord.PlannedWave> Waves,
    IReadOnlyList<JobPlanRecord.Placement> Hosts)
{
    public const string FileName = "plan.json";

    public sealed record PlannedWave(int Number, IReadOnlyList<string> Hosts);

    public sealed record Placement(string Host, string Cluster, string Datacenter, string Rack);

    /// <summary>Writes the plan into the job folder (0600). The folder must exist (the job is created first).</summary>
    public void Write(string jobFolder)
    {
        var path = Path.Combine(jobFolder, FileName);
        using var stream = new FileStream(path, PrivateFiles.Options(FileMode.Create, FileAccess.Write, FileShare.Read));
        JsonSerializer.Serialize(stream, this, CstarJson.Indented);
    }

    /// <summary>The plan stored in the job folder, or null when there is none or it cannot be read (a job from before plans were kept).</summary>
    public static JobPlanRecord? Read(string jobFolder)
    {
        var path = Path.Combine(jobFolder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return JsonSerializer.Deserialize<JobPlanRecord>(stream, CstarJson.Compact);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
