using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.TestKit.Execution;
using Cstar.Transport.Detached;
using FluentAssertions;
using Xunit;

namespace Cstar.Transport.Tests.Detached;

/// <summary>What an attach hands to the host's output (bytes as they came), with the pid line taken off.</summary>
public sealed class AttachOutputTests
{
    private readonly InMemoryHostOutputStore _store = new();
    private readonly List<long> _pids = [];

    private AttachOutput Attach() => new(_store.Sink("job", "h1"), _pids.Add);

    private static OutputBytes Out(params byte[] bytes) => new(OutputStreamKind.StandardOutput, bytes);

    private static OutputBytes Err(params byte[] bytes) => new(OutputStreamKind.StandardError, bytes);

    [Fact]
    public async Task Invalid_utf8_and_nul_bytes_are_handed_over_exactly_once_the_pid_line_is_taken_off()
    {
        var attach = Attach();
        await attach.AcceptAsync(Out([.. "cstar-p"u8]), CancellationToken.None);
        await attach.AcceptAsync(Out([.. "id:77\na"u8, 0x00, 0xFF, 0xFE, (byte)'\n']), CancellationToken.None);
        await attach.AcceptAsync(Err(0x80, (byte)'e', 0x00), CancellationToken.None);

        _pids.Should().Equal(77);
        _store.Bytes("h1", OutputChannel.Out).Should().Equal((byte)'a', 0x00, 0xFF, 0xFE, (byte)'\n');
        _store.Bytes("h1", OutputChannel.Err).Should().Equal(0x80, (byte)'e', 0x00);
    }

    [Fact]
    public async Task A_pid_line_alone_in_its_chunk_stores_nothing_and_the_next_chunk_is_stored_whole()
    {
        var attach = Attach();
        await attach.AcceptAsync(Out([.. "cstar-pid:5\n"u8]), CancellationToken.None);
        await attach.AcceptAsync(Out([.. "cstar-pid:6\n"u8]), CancellationToken.None);

        _pids.Should().Equal(5);
        _store.Out("h1").Should().Be("cstar-pid:6\n", "only the first line is the follower's");
    }
}
