using System.Collections.Immutable;
using Cstar.Core.Jobs;

namespace Cstar.JobStore.Inspection;

/// <summary>What <c>cstar jobs show &lt;id&gt;</c> prints: the summary, the definition, and each host.</summary>
public sealed record JobDetails(JobSummary Summary, JobDefinition Definition, string? StateReason, string Folder, ImmutableArray<HostDetail> Hosts);
