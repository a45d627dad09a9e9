using System.Buffers;
using Cstar.Core.Ports;

namespace Cstar.Transport.Detached;

/// <summary>
/// Receives one attach's output: the first stdout line is the follower's "cstar-pid:N" (reported, not stored);
/// every byte after it goes, untouched, to the host's output sink (which stores it byte-exact and owns its display),
/// stdout and stderr apart. Each stream is pumped by one writer at a time (a pump awaits each hand-over), so the
/// head, written by the stdout pump only, needs no lock.
/// </summary>
internal sealed class AttachOutput(IHostOutputSink sink, Action<long> onPid)
{
    private readonly ArrayBufferWriter<byte> _head = new();
    private bool _headDone;

    public ValueTask AcceptAsync(OutputBytes chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var bytes = chunk.Bytes;
        if (chunk.Stream == OutputStreamKind.StandardOutput && !_headDone)
        {
            var newline = bytes.Span.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _head.Write(bytes.Span);
                return ValueTask.CompletedTask;
            }

            _head.Write(bytes.Span[..newline]);
            _headDone = true;
            ReportPid();
            bytes = bytes[(newline + 1)..];
        }

        return bytes.IsEmpty ? ValueTask.CompletedTask : sink.WriteAsync(chunk with { Bytes = bytes }, cancellationToken);
    }

    private void ReportPid()
    {
        var line = System.Text.Encoding.UTF8.GetString(_head.WrittenSpan);
        if (line.StartsWith(DetachedScripts.PidMarker, StringComparison.Ordinal)
            && long.TryParse(line.AsSpan(DetachedScripts.PidMarker.Length), System.Globalization.CultureInfo.InvariantCulture, out var pid) && pid > 0)
        {
            onPid(pid);
        }
    }
}
