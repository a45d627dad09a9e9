using System.Globalization;
using System.Text;

namespace Cstar.Transport.Execution;

/// <summary>
/// Sits in front of a remote command's stderr: takes the wrapper's first line (<c>cstar-pid:N</c>) off the
/// stream, remembers N so a timed-out command can be killed on the host, and passes every other byte through.
/// </summary>
internal sealed class PidCapturingStream(Stream inner) : WriteOnlyStream
{
    private const int MaxMarkerLength = 64;
    private readonly MemoryStream _firstLine = new();
    private bool _passThrough;

    private readonly TaskCompletionSource<int?> _pidRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The remote pid once the wrapper reported it; <c>null</c> before that.</summary>
    public int? Pid { get; private set; }

    /// <summary>Completes when the first line was read (with the pid, or null when it held none) or the stream ended.</summary>
    public Task<int?> PidRead => _pidRead.Task;

    /// <summary>Past the first line, writes go through asynchronously (the inner stream's back-pressure reaches the pump).</summary>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_passThrough)
        {
            return inner.WriteAsync(buffer, cancellationToken);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_passThrough)
        {
            inner.Write(buffer);
            return;
        }

        var newline = buffer.IndexOf((byte)'\n');
        if (newline < 0 && _firstLine.Length + buffer.Length <= MaxMarkerLength)
        {
            _firstLine.Write(buffer);
            return;
        }

        _passThrough = true;
        if (newline < 0)
        {
            _pidRead.TrySetResult(null);
            inner.Write(_firstLine.GetBuffer().AsSpan(0, (int)_firstLine.Length));
            inner.Write(buffer);
            return;
        }

        _firstLine.Write(buffer[..newline]);
        var line = Encoding.UTF8.GetString(_firstLine.GetBuffer(), 0, (int)_firstLine.Length);
        if (line.StartsWith(RemoteScripts.PidMarker, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(RemoteScripts.PidMarker.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            Pid = pid;
            _pidRead.TrySetResult(pid);
        }
        else
        {
            _pidRead.TrySetResult(null);
            inner.Write(_firstLine.GetBuffer().AsSpan(0, (int)_firstLine.Length));
            inner.Write("\n"u8);
        }

        inner.Write(buffer[(newline + 1)..]);
    }

    /// <summary>Passes on a partial first line when the stream ended before a newline.</summary>
    public void Complete()
    {
        if (!_passThrough && _firstLine.Length > 0)
        {
            inner.Write(_firstLine.GetBuffer().AsSpan(0, (int)_firstLine.Length));
        }

        _passThrough = true;
        _pidRead.TrySetResult(Pid);
    }

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _firstLine.Dispose();
        }

        base.Dispose(disposing);
    }
}
