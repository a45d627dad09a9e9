using System.Text;
using Cstar.Core.Execution;
using Cstar.Core.Ports;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Execution;

/// <summary>What waits for the display: decoded only there, capped, and honest about what it left out.</summary>
public sealed class HostDisplayQueueTests
{
    private readonly List<OutputChunk> _shown = [];

    private string Shown(OutputStreamKind stream) => string.Concat(_shown.Where(c => c.Stream == stream).Select(c => c.Text));

    private void Drain(HostDisplayQueue queue, bool final = false) => queue.Drain(_shown.Add, n => $"[{n} left out]", final);

    [Fact]
    public void Invalid_utf8_and_nul_bytes_are_replaced_in_the_display_only_stdout_and_stderr_apart()
    {
        var queue = new HostDisplayQueue(1024);
        queue.Add(OutputStreamKind.StandardOutput, [(byte)'a', 0x00, 0xFF, 0xFE, (byte)'\n']);
        queue.Add(OutputStreamKind.StandardError, [0x80, (byte)'e', 0x00]);

        Drain(queue, final: true);

        Shown(OutputStreamKind.StandardOutput).Should().Be("a\0\uFFFD\uFFFD\n");
        Shown(OutputStreamKind.StandardError).Should().Be("\uFFFDe\0");
    }

    [Fact]
    public void A_multibyte_character_split_across_chunks_is_shown_whole_and_a_cut_one_at_the_end_as_a_replacement()
    {
        var queue = new HostDisplayQueue(1024);
        var euro = Encoding.UTF8.GetBytes("€");
        queue.Add(OutputStreamKind.StandardOutput, [euro[0]]);
        Drain(queue);
        queue.Add(OutputStreamKind.StandardOutput, [euro[1], euro[2], (byte)'!', euro[0], euro[1]]);
        Drain(queue, final: true);

        Shown(OutputStreamKind.StandardOutput).Should().Be("€!\uFFFD");
    }

    [Fact]
    public void Beyond_its_capacity_the_queue_keeps_a_prefix_counts_the_rest_and_says_so_after_the_prefix()
    {
        var queue = new HostDisplayQueue(10);
        queue.Add(OutputStreamKind.StandardOutput, "12345"u8).Should().BeTrue("the loop is told once");
        queue.Add(OutputStreamKind.StandardOutput, "678901"u8).Should().BeFalse();
        queue.Add(OutputStreamKind.StandardOutput, "ab"u8).Should().BeFalse("after a drop, everything is left out until the loop drains");

        Drain(queue);
        queue.Add(OutputStreamKind.StandardOutput, "xyz"u8).Should().BeTrue("drained: the loop must be told again");
        Drain(queue);

        _shown.Select(c => c.Text).Should().Equal("12345", "[8 left out]", "xyz");
    }
}
