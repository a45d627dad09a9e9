using System.Text;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.TestKit.Execution;
using Cstar.Transport.Detached;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Detached;

/// <summary>What an attach stores (bytes as they came) and what it shows (decoded text), with the pid line taken off.</summary>
public sealed class AttachOutputTests
{
    private readonly InMemoryHostOutputStore _store = new();
    private readonly List<OutputChunk> _shown = [];
    private readonly List<long> _pids = [];

    private AttachOutput Attach() => new(_store.OpenWriter("job", "h1"), _shown.Add, _pids.Add);

    private static OutputBytes Out(params byte[] bytes) => new(OutputStreamKind.StandardOutput, bytes);

    private static OutputBytes Err(params byte[] bytes) => new(OutputStreamKind.StandardError, bytes);

    private string Shown(OutputStreamKind stream) => string.Concat(_shown.Where(c => c.Stream == stream).Select(c => c.Text));

    [Fact]
    public void Invalid_utf8_and_nul_bytes_are_stored_exactly_and_replaced_only_in_the_display()
    {
        var attach = Attach();
        attach.Accept(Out([.. "cstar-p"u8]));
        attach.Accept(Out([.. "id:77\na"u8, 0x00, 0xFF, 0xFE, (byte)'\n']));
        attach.Accept(Err(0x80, (byte)'e', 0x00));
        attach.Complete();

        _pids.Should().Equal(77);
        _store.Bytes("h1", OutputChannel.Out).Should().Equal((byte)'a', 0x00, 0xFF, 0xFE, (byte)'\n');
        _store.Bytes("h1", OutputChannel.Err).Should().Equal(0x80, (byte)'e', 0x00);
        Shown(OutputStreamKind.StandardOutput).Should().Be("a\0\uFFFD\uFFFD\n");
        Shown(OutputStreamKind.StandardError).Should().Be("\uFFFDe\0");
    }

    [Fact]
    public void A_multibyte_character_split_across_chunks_is_shown_whole_and_a_cut_one_at_the_end_as_a_replacement()
    {
        var attach = Attach();
        var euro = Encoding.UTF8.GetBytes("€");
        attach.Accept(Out([.. "cstar-pid:1\n"u8, euro[0]]));
        attach.Accept(Out(euro[1], euro[2], (byte)'!', euro[0], euro[1]));
        attach.Complete();

        _store.Bytes("h1", OutputChannel.Out).Should().Equal([.. euro, (byte)'!', euro[0], euro[1]]);
        Shown(OutputStreamKind.StandardOutput).Should().Be("€!\uFFFD");
    }
}
