using System.Runtime.ExceptionServices;
using System.Text;
using Cstar.Core.Ports;
using Cstar.Ring.Describering;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Discovery;

/// <summary>
/// One keyspace's 'nodetool describering' parsed while it streams in: each chunk is decoded and its complete lines go
/// to a <see cref="DescriberingReader"/> before the next chunk is read, so no more than a line is held besides the
/// ranges. The cluster's <see cref="ParsePool"/> is shared by every keyspace and not thread-safe: each use holds
/// <paramref name="poolGate"/>. A line the reader refuses stops the parsing; the error is kept for when the exit code
/// is known (a failed nodetool is reported as such, as with a whole output, from its <see cref="OutputHead"/>).
/// </summary>
internal sealed class DescriberingFeed(ParsePool pool, Lock poolGate, string keyspace)
{
    private static readonly UTF8Encoding Utf8 = new(false, false);
    private readonly Decoder _stdoutDecoder = Utf8.GetDecoder();
    private readonly OutputHead _head = new();
    private char[] _chars = new char[16 * 1024];
    private int _pending;
    private DescriberingReader? _reader;
    private DescriberingOutput? _output;
    private ExceptionDispatchInfo? _error;

    /// <summary>The transport's hand-over: parsed before it returns (the bytes are not kept).</summary>
    public ValueTask AcceptAsync(OutputBytes output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Stream == OutputStreamKind.StandardError)
        {
            _head.KeepStderr(output.Bytes.Span);
            return ValueTask.CompletedTask;
        }

        var count = Decode(_stdoutDecoder, output.Bytes.Span, flush: false, _pending);
        _head.KeepStdout(_chars.AsSpan(_pending, count));
        ParseLines(_pending + count, end: false);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The command ended: after a successful exit, the last line is parsed and the keyspace completed at once (so the
    /// pool knows its ranges before the next keyspace starts). Returns what the command printed, as far as kept:
    /// enough to tell why it failed.
    /// </summary>
    public CommandResult End(int exitCode)
    {
        if (exitCode == 0)
        {
            var count = Decode(_stdoutDecoder, [], flush: true, _pending);
            ParseLines(_pending + count, end: true);
            if (_error is null)
            {
                lock (poolGate)
                {
                    try
                    {
                        _output = (_reader ??= new DescriberingReader(pool, keyspace)).Complete();
                    }
                    catch (Exception e)
                    {
                        _error = ExceptionDispatchInfo.Capture(e);
                    }
                }
            }
        }

        return _head.Result(exitCode);
    }

    /// <summary>The parsed keyspace after a successful <see cref="End"/>, or the first error its output gave.</summary>
    public DescriberingOutput Output()
    {
        _error?.Throw();
        return _output ?? throw new InvalidOperationException("The describering of " + keyspace + " did not end successfully.");
    }

    private int Decode(Decoder decoder, ReadOnlySpan<byte> bytes, bool flush, int offset)
    {
        var needed = offset + Utf8.GetMaxCharCount(bytes.Length);
        if (needed > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(needed, _chars.Length * 2));
        }

        return decoder.GetChars(bytes, _chars.AsSpan(offset), flush);
    }

    /// <summary>Hands every complete line of the first <paramref name="length"/> chars to the reader and keeps the unfinished one.</summary>
    private void ParseLines(int length, bool end)
    {
        var text = _chars.AsSpan(0, length);
        var consumed = 0;
        if (_error is null)
        {
            lock (poolGate)
            {
                try
                {
                    _reader ??= new DescriberingReader(pool, keyspace);
                    int newline;
                    while ((newline = text[consumed..].IndexOf('\n')) >= 0)
                    {
                        _reader.AddLine(text.Slice(consumed, newline));
                        consumed += newline + 1;
                    }

                    if (end && consumed < length)
                    {
                        _reader.AddLine(text[consumed..]);
                    }
                }
                catch (Exception e)
                {
                    _error = ExceptionDispatchInfo.Capture(e);
                }
            }
        }

        if (_error is not null || end)
        {
            _pending = 0;
            return;
        }

        var rest = text[consumed..];
        rest.CopyTo(_chars);
        _pending = rest.Length;
    }
}
