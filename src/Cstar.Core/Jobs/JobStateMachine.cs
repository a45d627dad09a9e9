namespace Cstar.Core.Jobs;

/// <summary>
/// Legal job-state moves: Running → any stop; any stop → Running (continue; a Finished job only to
/// retry failed hosts). Nothing else: a job is never "finished twice".
/// </summary>
public static class JobStateMachine
{
    public static bool IsLegal(JobState from, JobState to) =>
        from != to && (from == JobState.Running || to == JobState.Running);
}
