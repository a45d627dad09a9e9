using System.Text;
using Cstar.Core.Ports;
using Cstar.Transport.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Execution;

public sealed class StreamTests
{
    [Fact]
    public async Task The_pid_line_is_taken_off_stderr_even_when_split_across_writes()
    {
        using var inner = new MemoryStream();
        using var stream = new PidCapturingStream(inner);
        stream.Write("cstar-p"u8);
        stream.Write("id:4242\nreal "u8);
        stream.Write("error\n"u8);
        stream.Complete();
        stream.Pid.Should().Be(4242);
        (await stream.PidRead).Should().Be(4242);
        Encoding.UTF8.GetString(inner.ToArray()).Should().Be("real error\n");
    }

    [Fact]
    public async Task Stderr_without_a_pid_line_passes_through_untouched()
    {
        using var inner = new MemoryStream();
        using var stream = new PidCapturingStream(inner);
        stream.Write("sh: 1: exec: nope: not found\n"u8);
        stream.Write("partial"u8);
        stream.Complete();
        stream.Pid.Should().BeNull();
        (await stream.PidRead).Should().BeNull();
        Encoding.UTF8.GetString(inner.ToArray()).Should().Be("sh: 1: exec: nope: not found\npartial");
    }

    [Fact]
    public void Streamed_bytes_reach_the_callback_untouched_and_copied()
    {
        var chunks = new List<OutputBytes>();
        using var stream = new OutputBytesStream(OutputStreamKind.StandardError, (c, _) =>
        {
            chunks.Add(c);
            return ValueTask.CompletedTask;
        });
        var buffer = new byte[] { 0x00, 0xFF, 0xC3 };
        stream.Write(buffer);
        buffer[0] = 0x41; // the caller reuses its buffer
        stream.Write(ReadOnlySpan<byte>.Empty);
        chunks.Should().ContainSingle().Which.Stream.Should().Be(OutputStreamKind.StandardError);
        chunks[0].Bytes.ToArray().Should().Equal(0x00, 0xFF, 0xC3);
    }

    [Fact]
    public async Task An_asynchronous_write_completes_only_once_the_consumer_took_the_bytes()
    {
        var taken = new TaskCompletionSource();
        using var stream = new OutputBytesStream(OutputStreamKind.StandardOutput, (_, _) => new ValueTask(taken.Task));

        var write = stream.WriteAsync(new byte[] { 1, 2, 3 }).AsTask();

        write.IsCompleted.Should().BeFalse("a pump must not read its next chunk before this one was stored");
        taken.SetResult();
        await write;
    }
}
