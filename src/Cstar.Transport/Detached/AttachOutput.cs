using System.Text;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;

namespace Cstar.Transport.Detached;

/// <summary>
/// Receives one attach's output: the first stdout line is the follower's "cstar-pid:N" (reported, not stored);
/// everything after goes to the host's output writer and to the observer callback, stdout and stderr apart.
/// Called from two stream pumps at once, hence the lock.
/// </summary>
internal sealed class AttachOutput(IHostOutputWriter writer, Action<OutputChunk> onOutput, Action<long> onPid)
{
    private readonly object _gate = new();
    private readonly StringBuilder _head = new();
    private bool _headDone;

    public void Accept(OutputChunk chunk)
    {
        lock (_gate)
        {
            var text = chunk.Text;
            if (chunk.Stream == OutputStreamKind.StandardOutput && !_headDone)
            {
                _head.Append(text);
                var newline = _head.ToString().IndexOf('\n', StringComparison.Ordinal);
                if (newline < 0)
                {
                    return;
                }

                var line = _head.ToString(0, newline);
                text = _head.ToString(newline + 1, _head.Length - newline - 1);
                _headDone = true;
                if (line.StartsWith(DetachedScripts.PidMarker, StringComparison.Ordinal)
                    && long.TryParse(line.AsSpan(DetachedScripts.PidMarker.Length), System.Globalization.CultureInfo.InvariantCulture, out var pid) && pid > 0)
                {
                    onPid(pid);
                }

                if (text.Length == 0)
                {
                    return;
                }
            }

            writer.Append(chunk.Stream == OutputStreamKind.StandardOutput ? OutputChannel.Out : OutputChannel.Err, Encoding.UTF8.GetBytes(text));
            onOutput(chunk with { Text = text });
        }
    }
}
