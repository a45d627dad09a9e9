using Cstar.Cli.Jobs;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests.Jobs;

/// <summary>The --ip-label line splitter: chunk boundaries, line ends, long lines, and linear work.</summary>
public sealed class LineSplitterTests
{
    private readonly LineSplitter _splitter = new();
    private readonly List<string> _lines = [];

    private void Push(params string[] chunks)
    {
        foreach (var chunk in chunks)
        {
            _splitter.Push(chunk, _lines.Add);
        }
    }

    [Fact]
    public void A_line_split_across_chunks_is_handed_on_whole_once_its_newline_arrives()
    {
        Push("fir", "st li", "ne\nsec");
        _lines.Should().Equal("first line");
        Push("ond\n");
        _lines.Should().Equal("first line", "second");
    }

    [Fact]
    public void Crlf_ends_a_line_like_lf_even_when_the_cr_and_the_lf_arrive_in_different_chunks()
    {
        Push("one\r\ntwo\r", "\nthree\r\n");
        _lines.Should().Equal("one", "two", "three");
    }

    [Fact]
    public void A_final_line_without_newline_comes_out_on_flush_and_only_once()
    {
        Push("done\nno newline");
        _splitter.Flush().Should().Be("no newline");
        _splitter.Flush().Should().BeNull();
        _lines.Should().Equal("done");
    }

    [Fact]
    public void Empty_lines_are_kept()
    {
        Push("\n\na\n", "\n");
        _lines.Should().Equal(string.Empty, string.Empty, "a", string.Empty);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_handed_on_in_pieces_of_the_limit()
    {
        var line = new string('x', (2 * LineSplitter.MaxLineChars) + 10);
        foreach (var chunk in line.Chunk(1000))
        {
            Push(new string(chunk));
        }

        Push("\n");

        _lines.Select(l => l.Length).Should().Equal(LineSplitter.MaxLineChars, LineSplitter.MaxLineChars, 10);
        string.Concat(_lines).Should().Be(line);
    }

    [Fact]
    public void Splitting_a_two_megabyte_line_in_small_chunks_allocates_in_proportion_to_its_size()
    {
        var chunk = new string('y', 2048);
        var before = GC.GetAllocatedBytesForCurrentThread();

        for (var i = 0; i < 1024; i++)
        {
            _splitter.Push(chunk, _lines.Add);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().BeLessThan(20L * 2 * 1024 * 1024, "re-joining the half line on every chunk is quadratic (gigabytes here)");
        _lines.Sum(l => l.Length).Should().Be((2 * 1024 * 1024) - LineSplitter.MaxLineChars, "the last 64 K wait for a newline or more text");
    }
}
