namespace Cstar.Core.Jobs.Controls;

/// <summary>
/// One operator request stored for a job: numbered in the order received, with who sent it (user@host) and why.
/// <see cref="AppliedAt"/> is set by the runner when it took effect; a request not applied yet is applied by the
/// next runner of the job (a pause sent while no runner runs is honoured by <c>continue</c>).
/// </summary>
public sealed record JobControl(long Sequence, JobControlKind Kind, string? Value, string Who, string? Reason, DateTimeOffset RequestedAt, DateTimeOffset? AppliedAt = null)
{
    /// <summary>As the log and the console say it, e.g. "pause by alice@jump1 (compactions behind)".</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            JobControlKind.Pause => "pause",
            JobControlKind.Resume => "resume",
            JobControlKind.MaxConcurrency => "set --max-concurrency " + Value,
            JobControlKind.MaxConcurrencyPerDc => "set --max-concurrency-per-dc " + Value,
            _ => "set --node-done-pause-time " + Value,
        };
        return $"{what} by {Who}" + (string.IsNullOrWhiteSpace(Reason) ? string.Empty : $" ({Reason})");
    }
}
