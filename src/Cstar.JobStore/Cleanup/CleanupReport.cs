using System.Collections.Immutable;

namespace Cstar.JobStore.Cleanup;

/// <summary>What <c>cleanup-jobs</c> did: what it deleted, and the old or unreadable jobs it kept (and why).</summary>
public sealed record CleanupReport(ImmutableArray<CleanupEntry> Deleted, ImmutableArray<CleanupEntry> Kept);
