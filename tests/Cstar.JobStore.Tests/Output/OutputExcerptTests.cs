using System.Text;
using Cstar.JobStore.Output;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Output;

/// <summary>The bounded head and tail the end-of-job summary prints, and the fingerprint that groups hosts.</summary>
public sealed class OutputExcerptTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    private string File(string name, string text) => File(name, Encoding.UTF8.GetBytes(text));

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_root.Path, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Lines(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"line {i}\n"));

    [Fact]
    public void A_short_output_is_shown_whole_even_without_a_final_newline()
    {
        var excerpt = OutputExcerpt.Of(File("out", Lines(1, 59) + "last"));

        excerpt.IsWhole.Should().BeTrue();
        excerpt.Head.Should().Be(Lines(1, 59) + "last");
    }

    [Fact]
    public void A_long_output_shows_its_first_and_last_thirty_lines_and_how_many_bytes_lie_between()
    {
        var text = Lines(1, 1000);
        var excerpt = OutputExcerpt.Of(File("out", text));

        excerpt.Head.Should().Be(Lines(1, 30));
        excerpt.Tail.Should().Be(Lines(971, 1000));
        excerpt.SkippedBytes.Should().Be(Encoding.UTF8.GetByteCount(Lines(31, 970)));
        excerpt.Length.Should().Be(text.Length);
    }

    [Fact]
    public void Long_lines_are_cut_at_whole_lines_within_the_byte_windows()
    {
        var line = new string('x', 999) + "\n";
        var text = string.Concat(Enumerable.Repeat(line, 100));
        var excerpt = OutputExcerpt.Of(File("out", text));

        excerpt.Head.Should().Be(string.Concat(Enumerable.Repeat(line, OutputExcerpt.WindowBytes / 1000)));
        excerpt.Tail.Should().Be(string.Concat(Enumerable.Repeat(line, OutputExcerpt.WindowBytes / 1000)));
        (excerpt.Head.Length + excerpt.SkippedBytes + excerpt.Tail.Length).Should().Be(text.Length);
    }

    [Fact]
    public void One_huge_line_without_a_newline_shows_its_two_ends_only()
    {
        var bytes = Enumerable.Range(0, 1_000_000).Select(i => (byte)('a' + (i % 26))).ToArray();
        var excerpt = OutputExcerpt.Of(File("out", bytes));

        excerpt.Head.Should().Be(Encoding.ASCII.GetString(bytes, 0, OutputExcerpt.WindowBytes));
        excerpt.Tail.Should().Be(Encoding.ASCII.GetString(bytes, bytes.Length - OutputExcerpt.WindowBytes, OutputExcerpt.WindowBytes));
        excerpt.SkippedBytes.Should().Be(1_000_000 - (2 * OutputExcerpt.WindowBytes));
    }

    [Fact]
    public void A_missing_file_is_an_empty_output()
    {
        var path = Path.Combine(_root.Path, "missing");
        OutputExcerpt.Of(path).Length.Should().Be(0);
        OutputFingerprint.Of(path).Should().Be(OutputFingerprint.Of(File("empty", [])));
    }

    [Fact]
    public void Equal_bytes_have_equal_fingerprints_and_one_different_byte_a_different_one()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31)).ToArray();
        var same = OutputFingerprint.Of(File("a", bytes));
        OutputFingerprint.Of(File("b", bytes)).Should().Be(same);
        bytes[200_000] ^= 1;
        OutputFingerprint.Of(File("c", bytes)).Sha256.Should().NotBe(same.Sha256);
        same.Length.Should().Be(300_000);
    }
}
