using Cstar.Core.Jobs;
using Cstar.Core.Ports;

namespace Cstar.Core.Execution;

/// <summary>
/// The one owner of a host's output in a run: opened when the job loop launches the host, written by the host
/// runner through <see cref="IHostOutputSink"/> (each chunk stored before the write completes, then queued for
/// display in a <see cref="HostDisplayQueue"/>), given its <c>status</c> by the job loop when it records the
/// command's exit, disposed by the job loop. <paramref name="wake"/> tells the loop that display text waits (at most
/// once until the loop drains), so the loop's channel holds a few messages per host whatever the host prints.
/// </summary>
internal sealed class HostOutput(IHostOutputWriter writer, HostDisplayQueue display, Action wake) : IHostOutputSink, IDisposable
{
    public long StoredLength(OutputChannel channel) => writer.StoredLength(channel);

    public ValueTask WriteAsync(OutputBytes bytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Bytes.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        writer.Append(bytes.Stream == OutputStreamKind.StandardOutput ? OutputChannel.Out : OutputChannel.Err, bytes.Bytes.Span);
        if (display.Add(bytes.Stream, bytes.Bytes.Span))
        {
            wake();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Shows what waits for display (the job loop only); <paramref name="final"/> once the command ended.</summary>
    public void Show(Action<OutputChunk> show, Func<long, string> leftOutNotice, bool final = false) => display.Drain(show, leftOutNotice, final);

    /// <summary>Makes out/err durable, then writes the exit status (the job loop, as it records the command's end).</summary>
    public void WriteStatus(int exitCode) => writer.WriteStatus(exitCode);

    public void Dispose() => writer.Dispose();
}
