using Cstar.Core.Jobs;
using Cstar.Core.Jobs.Events;
using Cstar.JobStore.Events;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Events;

public sealed class JobEventFileTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Events_published_before_the_job_folder_exists_create_no_folder_and_later_ones_are_appended_0600()
    {
        var folder = Path.Combine(_root.Path, "jobs", "j");
        using var file = new JobEventFile(folder);

        file.Handle(new JobHaltedEvent(Jobs.T0, "7c9e6679-7425-40de-944b-e07fc1f90ae7", "before"));
        Directory.Exists(folder).Should().BeFalse();
        Directory.CreateDirectory(folder);
        file.Handle(new HostStartedEvent(Jobs.T0.AddSeconds(1), "7c9e6679-7425-40de-944b-e07fc1f90ae7", "10.0.0.1", 1, false));
        file.Handle(new HostFinishedEvent(Jobs.T0.AddSeconds(2), "7c9e6679-7425-40de-944b-e07fc1f90ae7", "10.0.0.1", HostRunStateKind.Succeeded, 0, null, TimeSpan.FromSeconds(1)));

        var batch = StoredEventReader.Read(file.FilePath);
        batch.Events.Select(e => (e.Type, e.Host)).Should().Equal(("host-start", "10.0.0.1"), ("host-finish", "10.0.0.1"));
        batch.Events[1].Field("state").Should().Be("succeeded");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file.FilePath).Should().Be(PrivateFiles.FileMode);
        }
    }

    [Fact]
    public void A_line_still_being_written_is_left_for_the_next_read_and_a_torn_line_is_counted_not_dropped()
    {
        var path = Path.Combine(_root.Path, "events.ndjson");
        var whole = """{"type":"halt","time":"2026-11-01T08:00:00Z","jobId":"j","reason":"x"}""";
        File.WriteAllText(path, "{\"type\":\"host-sta\n" + whole + "\n" + whole[..20]);

        var first = StoredEventReader.Read(path);
        File.AppendAllText(path, whole[20..] + "\n");
        var second = StoredEventReader.Read(path, first.NextOffset);

        first.Events.Should().ContainSingle().Which.Type.Should().Be("halt");
        first.Unreadable.Should().Be(1);
        second.Events.Should().ContainSingle().Which.Field("reason").Should().Be("x");
        second.NextOffset.Should().Be(new FileInfo(path).Length);
    }
}
