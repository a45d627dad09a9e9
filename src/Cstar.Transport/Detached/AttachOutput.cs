using System.Buffers;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;

namespace Cstar.Transport.Detached;

/// <summary>
/// Receives one attach's output: the first stdout line is the follower's "cstar-pid:N" (reported, not stored);
/// every byte after it goes, untouched, to the host's output writer (out/err are byte-exact), and, decoded for
/// display, to the observer callback, stdout and stderr apart. Called from two stream pumps at once, hence the lock.
/// </summary>
internal sealed class AttachOutput(IHostOutputWriter writer, Action<OutputChunk> onOutput, Action<long> onPid)
{
    private readonly object _gate = new();
    private readonly ArrayBufferWriter<byte> _head = new();
    private readonly DisplayDecoder _stdout = new();
    private readonly DisplayDecoder _stderr = new();
    private bool _headDone;

    public void Accept(OutputBytes chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        lock (_gate)
        {
            var bytes = chunk.Bytes.Span;
            if (chunk.Stream == OutputStreamKind.StandardOutput && !_headDone)
            {
                var newline = bytes.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    _head.Write(bytes);
                    return;
                }

                _head.Write(bytes[..newline]);
                _headDone = true;
                ReportPid();
                bytes = bytes[(newline + 1)..];
                if (bytes.IsEmpty)
                {
                    return;
                }
            }

            var stdout = chunk.Stream == OutputStreamKind.StandardOutput;
            writer.Append(stdout ? OutputChannel.Out : OutputChannel.Err, bytes);
            (stdout ? _stdout : _stderr).Decode(bytes, text => Show(chunk.Stream, text));
        }
    }

    /// <summary>The attach ended: shows what a truncated multi-byte sequence left in the display decoders.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _stdout.Decode([], text => Show(OutputStreamKind.StandardOutput, text), flush: true);
            _stderr.Decode([], text => Show(OutputStreamKind.StandardError, text), flush: true);
        }
    }

    private void Show(OutputStreamKind stream, string text)
    {
        if (text.Length > 0)
        {
            onOutput(new OutputChunk(stream, text));
        }
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
