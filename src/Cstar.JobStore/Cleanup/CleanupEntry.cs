namespace Cstar.JobStore.Cleanup;

/// <summary>A job cleanup deleted or kept, with why.</summary>
public sealed record CleanupEntry(string JobId, string Why);
