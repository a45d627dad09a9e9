using System.Text;
using Cstar.Core.Jobs;
using Cstar.JobStore.Sqlite;

namespace Cstar.JobStore.Output;

/// <summary>
/// Reads a host's stored output for <c>jobs log</c> and the end-of-job summary, always in pieces (never a whole
/// file in memory): copied out, fingerprinted, excerpted (head and tail), or followed (like
/// <c>tail -f</c>) until the host's state is final. Follow checks the state BEFORE reading the last
/// bytes, and the engine writes output before it records the final state, so nothing is missed.
/// </summary>
public sealed class HostOutputReader(SqliteJobStore store, TimeProvider time)
{
    private readonly JobStorePaths _paths = store.Paths;

    /// <summary>Where the channel's full output is stored (it may not exist: the host wrote nothing).</summary>
    public string PathOf(string jobId, string host, OutputChannel channel) => _paths.OutputFile(jobId, host, channel);

    /// <summary>Length and SHA-256 of the channel, read in pieces: hosts with equal fingerprints printed the same bytes.</summary>
    public OutputFingerprint Fingerprint(string jobId, string host, OutputChannel channel) => OutputFingerprint.Of(PathOf(jobId, host, channel));

    /// <summary>The channel when short, else its first and last lines (bounded, whatever the file's size).</summary>
    public OutputExcerpt Excerpt(string jobId, string host, OutputChannel channel) => OutputExcerpt.Of(PathOf(jobId, host, channel));

    /// <summary>
    /// Copies the channel to <paramref name="destination"/> in 64 KB pieces, decoded for display (memory stays flat
    /// whatever the file's size), ending a last line that has no newline with one. Returns the bytes copied.
    /// </summary>
    public async Task<long> CopyToAsync(string jobId, string host, OutputChannel channel, TextWriter destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var path = PathOf(jobId, host, channel);
        if (!File.Exists(path))
        {
            return 0;
        }

        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        long copied = 0;
        var last = (byte)'\n';
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        int read;
        while ((read = await file.ReadAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
        {
            copied += read;
            last = bytes[read - 1];
            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            await destination.WriteAsync(chars.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }

        var rest = decoder.GetChars([], 0, 0, chars, 0, flush: true);
        await destination.WriteAsync(chars.AsMemory(0, rest), cancellationToken).ConfigureAwait(false);
        if (last != '\n')
        {
            await destination.WriteAsync("\n".AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return copied;
    }

    /// <summary>The first non-empty line of <c>out</c>, at most <paramref name="maxLength"/> characters, or null.</summary>
    public string? FirstOutputLine(string jobId, string host, int maxLength = 80)
    {
        var path = _paths.OutputFile(jobId, host, OutputChannel.Out);
        if (!File.Exists(path))
        {
            return null;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[4096];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var line = Encoding.UTF8.GetString(buffer, 0, read).Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Trim().Length > 0);
        return line is null || line.Length <= maxLength ? line : line[..(maxLength - 1)] + "…";
    }

    /// <summary>
    /// Copies the channel to <paramref name="destination"/> as it grows, polling every
    /// <paramref name="pollInterval"/>, until the host's state is final (returns true), no live process runs the
    /// job any more — it stopped, or its runner was killed — (returns false: nothing more comes until it is
    /// continued), or the token is cancelled (throws OperationCanceledException).
    /// </summary>
    public async Task<bool> FollowAsync(
        string jobId, string host, OutputChannel channel, TextWriter destination, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var path = _paths.OutputFile(jobId, host, channel);
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        long offset = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Seen gone BEFORE the state and the last bytes are read: what the runner wrote before it went is all printed.
            var runnerGone = store.RunnerIsGone(jobId);
            var state = store.FindHost(jobId, host) ?? throw StoreErrors.UnknownJob($"{jobId} (host {host})", _paths.DatabasePath);
            if (File.Exists(path))
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                file.Position = offset;
                int read;
                while ((read = await file.ReadAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    offset += read;
                    var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                    await destination.WriteAsync(chars.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                }
            }

            if (state.IsTerminal)
            {
                var rest = decoder.GetChars([], 0, 0, chars, 0, flush: true);
                await destination.WriteAsync(chars.AsMemory(0, rest), cancellationToken).ConfigureAwait(false);
                await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }

            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (runnerGone)
            {
                return false; // the job stopped or its runner is gone: nothing will come until it is continued
            }

            await Task.Delay(pollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
