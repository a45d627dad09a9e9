using Cstar.Core.BackPressure;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.BackPressure;

public sealed class BackPressureRulesTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly BackPressureLimits Compactions100 = new(100, false);

    private static Dictionary<string, NodeLoad> Loads(params NodeLoad[] loads) => loads.ToDictionary(l => l.Host, StringComparer.Ordinal);

    [Fact]
    public void A_wait_shows_the_pending_figure_the_limit_the_trend_and_the_time_left()
    {
        var history = new LoadHistory();
        history.Record(new NodeLoad("127.0.1.5", T, 7722, null));
        history.Record(new NodeLoad("127.0.1.5", T.AddHours(1), 7412, null));

        var verdict = BackPressureRules.Check(["127.0.1.5"], Loads(new NodeLoad("127.0.1.5", T.AddHours(1), 7412, null)), Compactions100, history);

        verdict.IsClear.Should().BeFalse();
        verdict.Figures.Should().Equal("127.0.1.5: 7,412 pending compactions (limit 100), falling 310/h, about 23 h");
    }

    [Fact]
    public void Rising_and_steady_figures_give_no_estimate()
    {
        var history = new LoadHistory();
        history.Record(new NodeLoad("a", T, 100, null));
        history.Record(new NodeLoad("a", T.AddMinutes(30), 160, null));
        history.Record(new NodeLoad("b", T, 500, null));
        history.Record(new NodeLoad("b", T.AddMinutes(30), 500, null));

        var verdict = BackPressureRules.Check(["a", "b"], Loads(new NodeLoad("a", T, 160, null), new NodeLoad("b", T, 500, null)), Compactions100, history);

        verdict.Figures.Should().Equal("a: 160 pending compactions (limit 100), rising 120/h", "b: 500 pending compactions (limit 100), steady");
    }

    [Fact]
    public void A_rise_caused_by_the_job_does_not_hide_the_fall_that_follows_it()
    {
        var history = new LoadHistory();
        history.Record(new NodeLoad("a", T, 10, null));
        history.Record(new NodeLoad("a", T.AddMinutes(1), 60, null));
        history.Record(new NodeLoad("a", T.AddMinutes(2), 50, null));
        history.Record(new NodeLoad("a", T.AddMinutes(3), 40, null));

        var verdict = BackPressureRules.Check(["a"], Loads(new NodeLoad("a", T.AddMinutes(3), 40, null)), new BackPressureLimits(10, false), history);

        verdict.Figures.Should().Equal("a: 40 pending compactions (limit 10), falling 600/h, about 3 min");
    }

    [Fact]
    public void Every_node_below_the_limit_and_without_streams_is_clear_and_the_limit_itself_is_not()
    {
        var limits = new BackPressureLimits(100, NoStreaming: true);
        var loads = Loads(new NodeLoad("a", T, 99, 0), new NodeLoad("b", T, 100, 0), new NodeLoad("c", T, 0, 2));

        BackPressureRules.Check(["a"], loads, limits, new LoadHistory()).IsClear.Should().BeTrue();
        BackPressureRules.Check(["a", "b"], loads, limits, new LoadHistory()).Figures.Should().Equal("b: 100 pending compactions (limit 100)");
        BackPressureRules.Check(["c"], loads, limits, new LoadHistory()).Figures.Should().Equal("c: 2 stream(s) running (--no-streaming waits until there are none)");
    }

    [Fact]
    public void A_node_without_figures_holds_the_gate_and_says_why()
    {
        var loads = Loads(NodeLoad.Unreadable("a", T, "nodetool compactionstats exited 1: Failed to connect"));

        var verdict = BackPressureRules.Check(["a", "b"], loads, Compactions100, new LoadHistory());

        verdict.Figures.Should().Equal("a: no figures (nodetool compactionstats exited 1: Failed to connect)", "b: no figures (not read yet)");
    }

    [Theory]
    [InlineData(90, "1 h")]
    [InlineData(59, "59 min")]
    [InlineData(0.5, "30 s")]
    public void Durations_are_whole_units_rounded_down(double minutes, string text) =>
        BackPressureText.Duration(TimeSpan.FromMinutes(minutes)).Should().Be(text);
}
