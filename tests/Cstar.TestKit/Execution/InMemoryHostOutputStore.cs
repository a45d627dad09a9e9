using System.Collections.Concurrent;
using System.Text;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>Host outputs kept in memory: what each host's out/err received and its status.</summary>
public sealed class InMemoryHostOutputStore : IHostOutputStore
{
    private readonly ConcurrentDictionary<string, Writer> _writers = new(StringComparer.Ordinal);

    public IHostOutputWriter OpenWriter(string jobId, string host) => _writers.GetOrAdd(host, _ => new Writer());

    /// <summary>What a host runner tested on its own writes to (no job loop: nothing is displayed, no status written).</summary>
    public IHostOutputSink Sink(string jobId, string host) => new WriterSink(OpenWriter(jobId, host));

    public string Out(string host) => _writers.TryGetValue(host, out var w) ? w.Text(OutputChannel.Out) : string.Empty;

    public string Err(string host) => _writers.TryGetValue(host, out var w) ? w.Text(OutputChannel.Err) : string.Empty;

    /// <summary>The stored bytes of a channel, exactly as appended.</summary>
    public byte[] Bytes(string host, OutputChannel channel) => _writers.TryGetValue(host, out var w) ? w.Bytes(channel) : [];

    public int? Status(string host) => _writers.TryGetValue(host, out var w) ? w.Status : null;

    private sealed class WriterSink(IHostOutputWriter writer) : IHostOutputSink
    {
        public long StoredLength(OutputChannel channel) => writer.StoredLength(channel);

        public ValueTask WriteAsync(OutputBytes bytes, CancellationToken cancellationToken)
        {
            writer.Append(bytes.Stream == OutputStreamKind.StandardOutput ? OutputChannel.Out : OutputChannel.Err, bytes.Bytes.Span);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Writer : IHostOutputWriter
    {
        private readonly object _gate = new();
        private readonly MemoryStream _out = new();
        private readonly MemoryStream _err = new();

        public int? Status { get; private set; }

        public long StoredLength(OutputChannel channel)
        {
            lock (_gate)
            {
                return Stream(channel).Length;
            }
        }

        public void Append(OutputChannel channel, ReadOnlySpan<byte> chunk)
        {
            lock (_gate)
            {
                Stream(channel).Write(chunk);
            }
        }

        public void WriteStatus(int exitCode) => Status = exitCode;

        public byte[] Bytes(OutputChannel channel)
        {
            lock (_gate)
            {
                return Stream(channel).ToArray();
            }
        }

        public string Text(OutputChannel channel)
        {
            lock (_gate)
            {
                return Encoding.UTF8.GetString(Stream(channel).ToArray());
            }
        }

        public void Dispose()
        {
            // Kept readable after the engine is done with it.
        }

        private MemoryStream Stream(OutputChannel channel) => channel == OutputChannel.Out ? _out : _err;
    }
}
