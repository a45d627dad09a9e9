using System.Text;
using Cstar.Core.Errors;
using Cstar.Core.Ports;
using Cstar.Ring.Describering;
using Cstar.Ring.Discovery;
using Cstar.Ring.Parsing;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>One keyspace's describering fed in chunks: lines and UTF-8 characters split anywhere, at most a head kept for error reports.</summary>
public sealed class DescriberingFeedTests
{
    private static readonly string Acc = Fixtures.RealNodetool("4.0-alpha4", "describering-acc_nts.txt");

    private static DescriberingFeed Feed() => new(new ParsePool(), new ParseGate(), 0, "acc_nts");

    private static async Task<CommandResult> FeedInChunks(DescriberingFeed feed, string stdout, int chunkBytes, int exitCode = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(stdout);
        for (var at = 0; at < bytes.Length; at += chunkBytes)
        {
            await feed.AcceptAsync(new OutputBytes(OutputStreamKind.StandardOutput, bytes.AsMemory(at, Math.Min(chunkBytes, bytes.Length - at))), CancellationToken.None);
        }

        return await feed.EndAsync(exitCode);
    }

    [Fact]
    public async Task A_character_split_between_two_chunks_is_read_whole()
    {
        var feed = Feed();

        await FeedInChunks(feed, Acc.Replace("rack:rack2", "rack:räck2", StringComparison.Ordinal), chunkBytes: 1);

        feed.Output().Endpoints["127.0.0.2"].Rack.Should().Be("räck2");
        feed.Output().Ranges.Should().HaveCount(768);
    }

    [Fact]
    public async Task A_failed_command_keeps_only_the_head_of_a_large_output()
    {
        var feed = Feed();

        var result = await FeedInChunks(feed, string.Concat(Enumerable.Repeat("nodetool: something went wrong\n", 10_000)), chunkBytes: 4096, exitCode: 1);

        result.StandardOutput.Should().HaveLength(OutputHead.Chars).And.StartWith("nodetool: something went wrong\n");
        result.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task The_first_refused_line_is_the_error_and_later_lines_are_not_read()
    {
        var feed = Feed();

        await FeedInChunks(feed, Acc.Replace("TokenRange(start_token:", "TokenRange(begin:", StringComparison.Ordinal), chunkBytes: 100);

        var act = () => feed.Output();
        act.Should().Throw<CstarException>().WithMessage("Could not understand line 3 of 'nodetool describering acc_nts' output*");
    }

    [Fact]
    public async Task An_output_without_a_trailing_newline_reads_its_last_line()
    {
        var feed = Feed();

        await FeedInChunks(feed, Acc.TrimEnd('\n'), chunkBytes: 333);

        feed.Output().Ranges.Should().HaveCount(768);
    }
}
