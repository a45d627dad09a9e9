using Cstar.JobStore.Timeline;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Timeline;

public sealed class TimelineHtmlTests
{
    private readonly string _html = TimelineHtml.Render(TimelineFixture.Build());

    [Fact]
    public void Host_output_and_event_text_holding_script_and_markup_are_encoded_never_markup()
    {
        _html.Should().NotContain("</script><script>alert(1)").And.NotContain("<img src=x").And.NotContain("<script");
        _html.Should().Contain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot;");
    }

    [Fact]
    public void The_page_fetches_nothing_and_runs_no_script()
    {
        _html.Should().NotContainAny("http://", "https://", "src=\"", "<link", "@import", "url(");
        _html.Should().Contain("default-src 'none'");
    }

    [Fact]
    public void There_is_one_row_per_host_and_the_failed_one_is_marked()
    {
        CountOf(_html, "class=\"row host-row").Should().Be(3);
        CountOf(_html, "class=\"row host-row failed\"").Should().Be(1);
        _html.Should().Contain("data-host=\"10.0.0.3\" data-state=\"failed\"");
    }

    [Fact]
    public void The_estimate_is_set_against_what_happened()
    {
        _html.Should().Contain("Estimate at creation: 6m00s in 2 wave(s) (a guess). Actual: 1m32s in 1 wave(s)");
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
