using Cstar.Core.Jobs.Controls;

namespace Cstar.Core.Execution;

/// <summary>An operator's request took effect at <see cref="Time"/>; <see cref="Settings"/> are the job's settings after it.</summary>
public sealed record ControlArgs(DateTimeOffset Time, JobControl Control, JobSettings Settings);
