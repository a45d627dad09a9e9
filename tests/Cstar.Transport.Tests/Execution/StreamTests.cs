using System.Text;
using Cstar.Core.Ports;
using Cstar.Transport.Execution;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Execution;

public sealed class StreamTests
{
    [Fact]
    public void The_pid_line_is_taken_off_stderr_even_when_split_across_writes()
    {
        using var inner = new MemoryStream();
        using var stream = new PidCapturingStream(inner);
        stream.Write("cstar-p"u8);
        stream.Write("id:4242\nreal "u8);
        stream.Write("error\n"u8);
        stream.Complete();
        stream.Pid.Should().Be(4242);
        Encoding.UTF8.GetString(inner.ToArray()).Should().Be("real error\n");
    }

    [Fact]
    public void Stderr_without_a_pid_line_passes_through_untouched()
    {
        using var inner = new MemoryStream();
        using var stream = new PidCapturingStream(inner);
        stream.Write("sh: 1: exec: nope: not found\n"u8);
        stream.Write("partial"u8);
        stream.Complete();
        stream.Pid.Should().BeNull();
        Encoding.UTF8.GetString(inner.ToArray()).Should().Be("sh: 1: exec: nope: not found\npartial");
    }

    [Fact]
    public void A_multibyte_character_split_across_chunks_is_decoded_whole()
    {
        var chunks = new List<OutputChunk>();
        using var stream = new ChunkDecodingStream(OutputStreamKind.StandardOutput, chunks.Add);
        var bytes = Encoding.UTF8.GetBytes("é!");
        stream.Write(bytes.AsSpan(0, 1));
        stream.Write(bytes.AsSpan(1));
        stream.Complete();
        string.Concat(chunks.Select(c => c.Text)).Should().Be("é!");
    }
}
