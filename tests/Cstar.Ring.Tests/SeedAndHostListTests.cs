using Cstar.Core.Errors;
using Cstar.Ring.Discovery;
using Cstar.Ring.Hosts;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

public sealed class SeedAndHostListTests
{
    [Fact]
    public void Seed_list_accepts_spaces_commas_and_repeated_flags_and_drops_duplicates()
    {
        SeedList.Parse(["10.0.0.1 10.0.0.2", "10.0.0.3,10.0.0.4, 10.0.0.1", "::1", "node5.example"])
            .Should().Equal("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "::1", "node5.example");
    }

    [Fact]
    public void Seed_list_without_any_host_is_a_usage_error()
    {
        var act = () => SeedList.Parse([" ", ","]);

        act.Should().Throw<CstarException>().Where(e => e.ExitCode == ExitCode.Usage && e.Message.Contains("--seed-host"));
    }

    [Fact]
    public void Host_file_lines_are_trimmed_and_comments_and_blank_lines_skipped()
    {
        const string File = "# production hosts\n  10.0.0.1  \n\n10.0.0.2 # rack 2\r\n\t2001:db8::1\n   # indented comment\nnode4.example\n10.0.0.1\n";

        HostListParser.ParseFile(File).Should().Equal("10.0.0.1", "10.0.0.2", "2001:db8::1", "node4.example");
    }
}
