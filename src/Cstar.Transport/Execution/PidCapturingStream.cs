using System.Globalization;
using System.Text;

namespace Cstar.Transport.Execution;

/// <summary>
/// Sits in front of a remote command's stderr: takes the wrapper's first line (<c>cstar-pid:N</c>) off the
/// stream, remembers N so a timed-out command can be killed on the host, and passes every other byte through.
/// </summary>
internal sealed class PidCapturingStream(Stream inner) : Stream
{
    private const int MaxMarkerLength = 64;
    private readonly MemoryStream _firstLine = new();
    private bool _passThrough;

    /// <summary>The remote pid once the wrapper reported it; <c>null</c> before that.</summary>
    public int? Pid { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

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
        }
        else
        {
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
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _firstLine.Dispose();
        }

        base.Dispose(disposing);
    }
}
