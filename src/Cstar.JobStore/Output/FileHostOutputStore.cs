using Cstar.Core.Jobs;
using Cstar.Core.Ports;

namespace Cstar.JobStore.Output;

/// <summary>Opens per-host writers under <c>&lt;root&gt;/jobs/&lt;job-id&gt;/&lt;host&gt;/</c>.</summary>
public sealed class FileHostOutputStore(JobStorePaths paths) : IHostOutputStore
{
    public IHostOutputWriter OpenWriter(string jobId, string host) => new FileHostOutputWriter(paths, jobId, host);
}
