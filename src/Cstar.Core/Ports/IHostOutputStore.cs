namespace Cstar.Core.Ports;

/// <summary>Opens the output writer of a host in a job (<c>jobs/&lt;job-id&gt;/&lt;host&gt;/out, err, status</c>).</summary>
public interface IHostOutputStore
{
    IHostOutputWriter OpenWriter(string jobId, string host);
}
