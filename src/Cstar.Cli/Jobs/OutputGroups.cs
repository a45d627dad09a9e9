using Cstar.Core.Jobs;
using Cstar.JobStore.Output;

namespace Cstar.Cli.Jobs;

/// <summary>
/// Groups hosts whose outcome and output are the same (same state, exit code, out and err bytes). Hosts are
/// first grouped by output lengths, which costs nothing; only hosts whose lengths match another host's have
/// their files hashed (SHA-256 read in pieces), so a job whose outputs all differ in size reads none of them.
/// Groups keep the order of their first host.
/// </summary>
internal static class OutputGroups
{
    public static IEnumerable<List<HostRunState>> Of(HostOutputReader reader, string jobId, IReadOnlyList<HostRunState> hosts)
    {
        long Length(HostRunState h, OutputChannel c) => new FileInfo(reader.PathOf(jobId, h.Host, c)) is { Exists: true } f ? f.Length : 0;
        var bySize = hosts.GroupBy(h => (h.Kind, h.ExitCode, h.Reason, Out: Length(h, OutputChannel.Out), Err: Length(h, OutputChannel.Err))).ToList();
        var order = hosts.Select((h, i) => (h.Host, i)).ToDictionary(x => x.Host, x => x.i, StringComparer.Ordinal);
        return bySize
            .SelectMany(g => g.Count() == 1
                ? [g.ToList()]
                : g.GroupBy(h => (reader.Fingerprint(jobId, h.Host, OutputChannel.Out).Sha256, reader.Fingerprint(jobId, h.Host, OutputChannel.Err).Sha256)).Select(s => s.ToList()))
            .OrderBy(g => order[g[0].Host]);
    }
}
