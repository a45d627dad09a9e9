using System.Runtime.ExceptionServices;
using System.Text;
using Cstar.Core.Ports;
using Cstar.Ring.Describering;
using Cstar.Ring.Parsing;

namespace Cstar.Ring.Discovery;

/// <summary>
/// One keyspace's 'nodetool describering' parsed while it streams in: each chunk is decoded and its complete lines go
/// to a <see cref="DescriberingReader"/> before the next chunk is read, so no more than a line is held besides the
/// ranges. The cluster's <see cref="ParsePool"/> is shared by every keyspace and not thread-safe: each use passes
/// <paramref name="gate"/> (as the keyspace at <paramref name="order"/> in the plan). A line the reader refuses stops the parsing; the error is kept for when the exit code
/// is known (a failed nodetool is reported as such, as with a whole output, from its <see cref="OutputHead"/>).
/// </summary>
internal sealed class DescriberingFeed(ParsePool pool, ParseGate gate, int order, string keyspace)
{
    private static readonly UTF8Encoding Utf8 = new(false, false);
    private readonly Decoder _stdoutDecoder = Utf8.GetDecoder();
    private readonly OutputHead _head = new();
    private char[] _chars = new char[16 * 1024];
    private int _pending;
    private DescriberingReader? _reader;
    private DescriberingOutput? _output;
    private ExceptionDispatchInfo? _error;

    /// <summary>The transport's hand-over: decoded at once (the bytes are not kept), parsed before it completes.</summary>
    public async ValueTask AcceptAsync(OutputBytes output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Stream == OutputStreamKind.StandardError)
        {
            _head.KeepStderr(output.Bytes.Span);
            return;
        }

        var count = Decode(_stdoutDecoder, output.Bytes.Span, flush: false, _pending);
        _head.KeepStdout(_chars.AsSpan(_pending, count));
        await ParseLinesAsync(_pending + count, end: false).ConfigureAwait(false);
    }

    /// <summary>
    /// The command ended: after a successful exit, the last line is parsed and the keyspace completed at once (so the
    /// pool knows its ranges before the next keyspace starts). Returns what the command printed, as far as kept:
    /// enough to tell why it failed.
    /// </summary>
    public async Task<CommandResult> EndAsync(int exitCode)
    {
        if (exitCode == 0)
        {
            var count = Decode(_stdoutDecoder, [], flush: true, _pending);
            await ParseLinesAsync(_pending + count, end: true).ConfigureAwait(false);
            if (_error is null)
            {
                await gate.EnterAsync(order).ConfigureAwait(false);
                try
                {
                    _output = (_reader ??= new DescriberingReader(pool, keyspace)).Complete();
                }
                catch (Exception e)
                {
                    _error = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    gate.Exit();
                }
            }
        }

        return _head.Result(exitCode);
    }

    /// <summary>The parsed keyspace after a successful <see cref="EndAsync"/>, or the first error its output gave.</summary>
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

    /// <summary>Hands every complete line of the first <paramref name="length"/> chars to the reader (in its turn) and keeps the unfinished one.</summary>
    private async Task ParseLinesAsync(int length, bool end)
    {
        var consumed = 0;
        if (_error is null)
        {
            await gate.EnterAsync(order).ConfigureAwait(false);
            try
            {
                consumed = ParseLines(length, end);
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                gate.Exit();
            }
        }

        _pending = _error is not null || end ? 0 : KeepUnfinished(consumed, length);
    }

    private int ParseLines(int length, bool end)
    {
        var text = _chars.AsSpan(0, length);
        var consumed = 0;
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

        return consumed;
    }

    private int KeepUnfinished(int consumed, int length)
    {
        _chars.AsSpan(consumed, length - consumed).CopyTo(_chars);
        return length - consumed;
    }
}
