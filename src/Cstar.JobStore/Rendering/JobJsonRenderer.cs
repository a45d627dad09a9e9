using System.Text.Json;
using Cstar.Core.Jobs;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Json;

namespace Cstar.JobStore.Rendering;

/// <summary>JSON for <c>cstar jobs --json</c> and <c>jobs show --json</c> (camelCase, kebab-case enums, durations in ms).</summary>
public static class JobJsonRenderer
{
    public static string Render(IReadOnlyList<JobSummary> jobs, IReadOnlyList<UnreadableJob> unreadable) =>
        JsonSerializer.Serialize(new { jobs, unreadable }, CstarJson.Indented);

    public static string Render(JobDetails details) => JsonSerializer.Serialize(details, CstarJson.Indented);
}
