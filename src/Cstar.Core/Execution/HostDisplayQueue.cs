using Cstar.Core.Ports;

namespace Cstar.Core.Execution;

/// <summary>
/// The output of one host waiting to be shown, capped at <see cref="Capacity"/> bytes: when the display (the job
/// loop and its console) falls that far behind, further output is left out of the display, and counted, until the
/// loop catches up; the next <see cref="Drain"/> then shows what it kept and says how much it left out. Only the
/// display loses bytes: the host's files are written before anything is queued. Memory is bounded per host
/// whatever the host prints and however slow the console is. Writers (the runner's pumps) and the loop run at once.
/// </summary>
internal sealed class HostDisplayQueue(int capacity)
{
    public const int DefaultCapacity = 256 * 1024;
    private readonly Lock _gate = new();
    private readonly DisplayDecoder _stdout = new();
    private readonly DisplayDecoder _stderr = new();
    private List<OutputBytes> _queued = [];
    private long _queuedBytes;
    private long _dropped;
    private bool _signalled;

    public int Capacity => capacity;

    /// <summary>Queues a copy of the bytes, or counts them as left out when the queue is full. True when the loop must be told.</summary>
    public bool Add(OutputStreamKind stream, ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            // Once bytes are left out, everything is until the loop drains: the kept text is a prefix, the notice follows it.
            if (_dropped > 0 || _queuedBytes + bytes.Length > capacity)
            {
                _dropped += bytes.Length;
            }
            else
            {
                _queued.Add(new OutputBytes(stream, bytes.ToArray()));
                _queuedBytes += bytes.Length;
            }

            var tell = !_signalled;
            _signalled = true;
            return tell;
        }
    }

    /// <summary>
    /// Takes what is queued and decodes it for display (UTF-8, invalid bytes shown as U+FFFD), then the notice of
    /// what was left out, if anything was. <paramref name="final"/>: the command ended, a cut character is shown too.
    /// Called by the job loop only.
    /// </summary>
    public void Drain(Action<OutputChunk> show, Func<long, string> leftOutNotice, bool final = false)
    {
        List<OutputBytes> taken;
        long dropped;
        lock (_gate)
        {
            (taken, _queued, dropped) = (_queued, [], _dropped);
            (_queuedBytes, _dropped, _signalled) = (0, 0, false);
        }

        foreach (var piece in taken)
        {
            Decoder(piece.Stream).Decode(piece.Bytes.Span, text => show(new OutputChunk(piece.Stream, text)));
        }

        if (dropped > 0 || final)
        {
            // What was left out cuts the text: a character it split is shown as U+FFFD, not glued to later bytes.
            _stdout.Decode([], text => show(new OutputChunk(OutputStreamKind.StandardOutput, text)), flush: true);
            _stderr.Decode([], text => show(new OutputChunk(OutputStreamKind.StandardError, text)), flush: true);
        }

        if (dropped > 0)
        {
            show(new OutputChunk(OutputStreamKind.StandardError, leftOutNotice(dropped)));
        }
    }

    private DisplayDecoder Decoder(OutputStreamKind stream) => stream == OutputStreamKind.StandardOutput ? _stdout : _stderr;
}
