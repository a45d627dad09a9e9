namespace Cstar.JobStore.Inspection;

/// <summary>A job the store cannot read: a folder without a row, or a row whose definition is damaged. Reported, never silently deleted.</summary>
public sealed record UnreadableJob(string JobId, string Problem, string Folder);
