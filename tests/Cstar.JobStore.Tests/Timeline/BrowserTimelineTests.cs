using System.Text.RegularExpressions;
using Cstar.Core.Jobs;
using Cstar.JobStore.Events;
using Cstar.JobStore.Tests.Support;
using Cstar.JobStore.Timeline;
using Cstar.TestKit.Processes;
using Cstar.TestKit.Requirements;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Timeline;

/// <summary>
/// The report as a browser sees it: a job written to a real store (rows, events.ndjson, plan.json, host output that
/// holds <c>&lt;/script&gt;</c> and markup), rendered, loaded in headless Chromium. The screenshot is kept in the test
/// output folder (timeline-screenshots/).
/// </summary>
[Trait("Category", "Slow")] // starts a browser: full lane only
public sealed class BrowserTimelineTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [SkippableFact(Timeout = 300_000)]
    public async Task Chromium_shows_one_row_per_host_marks_the_failure_and_shows_hostile_output_as_text()
    {
        var browser = ChromiumRequirement.SkipUnlessPresent();
        var file = WriteReport();

        var dom = await HeadlessChromium.DumpDomAsync(browser, file);
        var screenshot = Path.Combine(AppContext.BaseDirectory, "timeline-screenshots", "browser-timeline.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await HeadlessChromium.ScreenshotAsync(browser, file, screenshot);

        Regex.Count(dom, "<div class=\"row host-row[ \"]").Should().Be(3);
        Regex.Count(dom, "<div class=\"row host-row failed\" data-host=\"10.0.0.3\"").Should().Be(1);
        dom.Should().NotContain("<img").And.NotContain("<script");
        dom.Should().Contain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
        Regex.Count(dom, "<section class=\"dc\"").Should().Be(2);
        File.ReadAllBytes(screenshot).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
    }

    private string WriteReport()
    {
        using var store = Jobs.Open(_root);
        var job = TimelineFixture.Job();
        store.CreateJob(job.Definition, [.. job.Hosts.Select(h => h.Host)]);
        Jobs.Succeed(store, job.Definition.JobId, "10.0.0.1", TimelineFixture.T0.AddSeconds(1));
        store.RecordHostTransition(job.Definition.JobId, "10.0.0.3", HostTransition.Starting(TimelineFixture.T0.AddSeconds(1)));
        store.RecordHostTransition(job.Definition.JobId, "10.0.0.3", HostTransition.Failed(TimelineFixture.T0.AddSeconds(41), 3, "exit 3"));
        var folder = _root.Paths.JobFolder(job.Definition.JobId);
        File.WriteAllLines(Path.Combine(folder, JobEventFile.FileName), TimelineFixture.EventLines);
        TimelineFixture.Plan.Write(folder);
        var output = _root.Paths.OutputFile(job.Definition.JobId, "10.0.0.3", OutputChannel.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, "starting\n" + TimelineFixture.Hostile + "\n");

        var html = Path.Combine(_root.Path, "report.html");
        File.WriteAllText(html, TimelineHtml.Render(TimelineReader.Read(store, job.Definition.JobId, TimelineFixture.T0.AddMinutes(5))));
        return html;
    }
}
