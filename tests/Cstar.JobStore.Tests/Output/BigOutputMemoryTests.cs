using Cstar.Core.Jobs;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;
using Cstar.JobStore.Rendering;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Output;

/// <summary>
/// Reading a 64 MB output for <c>jobs log</c>, the summary's excerpt and fingerprint allocates a small, fixed
/// amount (reading it whole would allocate twice its size as a string). Alone in its collection, so other
/// tests' allocations do not count.
/// </summary>
[Collection(BigOutputMemoryTests.Name)]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BigOutputMemoryTests : IDisposable
{
    public const string Name = "big-output-memory";
    private const string JobId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const long Size = 64L * 1024 * 1024;
    private const long Bound = 8L * 1024 * 1024;
    private readonly TempRoot _root = new();
    private readonly Sqlite.SqliteJobStore _store;
    private readonly HostOutputReader _reader;

    public BigOutputMemoryTests()
    {
        _store = Jobs.Open(_root);
        _store.CreateJob(Jobs.Definition(JobId), ["10.0.0.1"]);
        Jobs.Succeed(_store, JobId, "10.0.0.1", Jobs.T0);
        _reader = new HostOutputReader(_store, TimeProvider.System);
        using var writer = new FileHostOutputStore(_root.Paths).OpenWriter(JobId, "10.0.0.1");
        var line = new byte[1024];
        Array.Fill(line, (byte)'x');
        line[^1] = (byte)'\n';
        for (long written = 0; written < Size; written += line.Length)
        {
            writer.Append(OutputChannel.Out, line);
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    [Fact(Timeout = 120_000)]
    public async Task Jobs_log_streams_a_64_MB_output_with_a_few_MB_allocated()
    {
        await Task.Yield();
        var details = new JobInspector(_store, _reader).Show(JobId);
        var counter = new CountingWriter();

        var allocated = Allocated(() => JobLogRenderer.WriteAsync(details, _reader, counter).GetAwaiter().GetResult());

        counter.Count.Should().BeGreaterThan(Size);
        allocated.Should().BeLessThan(Bound);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_summary_excerpt_and_fingerprint_of_a_64_MB_output_allocate_a_few_MB()
    {
        await Task.Yield();
        OutputFingerprint? fingerprint = null;
        OutputExcerpt? excerpt = null;

        var allocated = Allocated(() =>
        {
            fingerprint = _reader.Fingerprint(JobId, "10.0.0.1", OutputChannel.Out);
            excerpt = _reader.Excerpt(JobId, "10.0.0.1", OutputChannel.Out);
        });

        fingerprint!.Length.Should().Be(Size);
        excerpt!.IsWhole.Should().BeFalse();
        allocated.Should().BeLessThan(Bound);
    }

    /// <summary>Counts what is written and keeps none of it.</summary>
    private sealed class CountingWriter : StringWriter
    {
        public long Count { get; private set; }

        public override void Write(char value) => Count++;

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return Task.CompletedTask;
        }
    }
}
