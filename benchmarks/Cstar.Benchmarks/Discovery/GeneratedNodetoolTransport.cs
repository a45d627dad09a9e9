using System.Text;
using Cstar.Transport.Execution;

namespace Cstar.Benchmarks.Discovery;

/// <summary>
/// A transport whose every host answers nodetool from a <see cref="SyntheticRing"/>: describecluster and status as
/// prepared text, describering generated line by line and written in 64 KB chunks as a pipe would deliver it (never
/// held whole), after <c>latency</c> (a JVM's start). Built on <see cref="CommandTransportBase"/>, so collecting
/// (<c>RunAsync</c>) and streaming go through the same code as the SSH and local adapters.
/// </summary>
internal sealed class GeneratedNodetoolTransport(SyntheticRing ring, string describecluster, TimeSpan latency) : CommandTransportBase
{
    private const int ChunkBytes = 64 * 1024;
    private readonly byte[] _status = Encoding.UTF8.GetBytes(ring.StatusText());
    private readonly byte[] _describecluster = Encoding.UTF8.GetBytes(describecluster);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(double StartedAt, double EndedAt)> _describerings = new();
    private int _describeringCalls;

    public int DescriberingCalls => Volatile.Read(ref _describeringCalls);

    /// <summary>When each describering call started and ended (seconds on this transport's clock), in the order they ended.</summary>
    public IReadOnlyCollection<(double StartedAt, double EndedAt)> Describerings => _describerings;

    public void RestartClock() => _clock.Restart();

    protected override async Task<int> ExecuteAsync(string host, Invocation invocation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.Delay(latency, cancellationToken);
        var command = invocation.Argv.Count > 1 ? invocation.Argv[1] : string.Empty;
        switch (command)
        {
            case "describecluster":
                await invocation.StandardOutput.WriteAsync(_describecluster, cancellationToken);
                return 0;
            case "status":
                await invocation.StandardOutput.WriteAsync(_status, cancellationToken);
                return 0;
            case "describering":
                Interlocked.Increment(ref _describeringCalls);
                var startedAt = _clock.Elapsed.TotalSeconds - latency.TotalSeconds;
                await WriteDescriberingAsync(invocation.StandardOutput, cancellationToken);
                _describerings.Enqueue((startedAt, _clock.Elapsed.TotalSeconds));
                return 0;
            default:
                await invocation.StandardError.WriteAsync(Encoding.UTF8.GetBytes($"nodetool: unknown command '{command}'\n"), cancellationToken);
                return 1;
        }
    }

    /// <summary>One keyspace's describering as a describering call writes it (also: to time the generation alone).</summary>
    public async Task WriteDescriberingAsync(Stream output, CancellationToken cancellationToken)
    {
        var chunk = new byte[ChunkBytes];
        var used = 0;
        var line = new StringBuilder(2048);
        var chars = new char[4096];
        for (var i = -SyntheticRing.DescriberingHeader.Count; i < ring.Tokens.Length; i++)
        {
            line.Clear();
            if (i < 0)
            {
                line.Append(SyntheticRing.DescriberingHeader[i + SyntheticRing.DescriberingHeader.Count]);
            }
            else
            {
                ring.AppendDescriberingRange(line, i);
            }

            line.Append('\n');
            line.CopyTo(0, chars, line.Length);
            if (used + Encoding.UTF8.GetMaxByteCount(line.Length) > chunk.Length)
            {
                await output.WriteAsync(chunk.AsMemory(0, used), cancellationToken);
                used = 0;
            }

            used += Encoding.UTF8.GetBytes(chars, 0, line.Length, chunk, used);
        }

        await output.WriteAsync(chunk.AsMemory(0, used), cancellationToken);
    }
}
