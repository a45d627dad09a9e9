using Cstar.Core.Errors;
using Cstar.Core.Jobs;

namespace Cstar.Cli.Jobs;

/// <summary>
/// What the operator typed for a job: the whole id, a unique prefix of it (as git takes a commit), or
/// `latest` (the job created last). Ambiguity is an error listing the candidates, never a guess.
/// </summary>
internal static class JobIdResolver
{
    public const string Latest = "latest";

    public static string Resolve(string typed, IReadOnlyList<JobSummary> jobs)
    {
        if (typed == Latest)
        {
            return jobs.OrderByDescending(j => j.CreatedAt).FirstOrDefault()?.JobId
                ?? throw new CstarException("There are no jobs yet, so no latest job.", "Run cstar jobs to list jobs.", ExitCode.Usage);
        }

        var exact = jobs.FirstOrDefault(j => j.JobId == typed);
        if (exact is not null)
        {
            return exact.JobId;
        }

        var matches = jobs.Where(j => j.JobId.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).Select(j => j.JobId).Order(StringComparer.Ordinal).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CstarException($"No job id starts with '{typed}'.", "Run cstar jobs to list jobs; give a unique start of the id, the whole id, or latest.", ExitCode.Usage),
            _ => throw new CstarException(
                $"'{typed}' starts {matches.Count} job ids: {string.Join(", ", matches.Take(5))}{(matches.Count > 5 ? ", ..." : string.Empty)}.",
                "Give more characters of the id.",
                ExitCode.Usage),
        };
    }
}
