using System.Text.Json;
using Cstar.Core.Jobs;
using Cstar.JobStore.Inspection;
using Cstar.JobStore.Output;
using Cstar.JobStore.Rendering;
using Cstar.JobStore.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Cstar.JobStore.Tests.Rendering;

public sealed class RenderingTests : IDisposable
{
    private const string JobId = "job-1";
    private readonly TempRoot _root = new();
    private readonly Sqlite.SqliteJobStore _store;
    private readonly JobInspector _inspector;

    public RenderingTests()
    {
        _store = Jobs.Open(_root);
        _inspector = new JobInspector(_store, new HostOutputReader(_store, TimeProvider.System));
        _store.CreateJob(Jobs.Definition(JobId), ["10.0.0.1", "10.0.0.2", "10.0.0.3"]);
        using (var writer = new FileHostOutputStore(_root.Paths).OpenWriter(JobId, "10.0.0.1"))
        {
            writer.Append(OutputChannel.Out, "Cassandra restarted in 42 s\nmore\n"u8);
        }

        Jobs.Succeed(_store, JobId, "10.0.0.1", Jobs.T0);
        _store.RecordHostTransition(JobId, "10.0.0.2", HostTransition.Starting(Jobs.T0.AddMinutes(2)));
        _store.RecordHostTransition(JobId, "10.0.0.2", HostTransition.Failed(Jobs.T0.AddMinutes(3).AddSeconds(5), 3, "exit 3"));
        _store.RecordJobState(JobId, JobState.Halted, Jobs.T0.AddMinutes(4), "host 10.0.0.2 failed");
    }

    [Fact]
    public void The_job_list_is_an_aligned_table_with_counts_and_the_unreadable_jobs()
    {
        var text = JobListRenderer.Render(_inspector.List(), [new UnreadableJob("stray", "a job folder with no entry in jobs.db", "/x/jobs/stray")]);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("JOB ID").And.Contain("COMMAND").And.Contain("HOSTS");
        lines[1].Should().StartWith("job-1").And.Contain("restart").And.Contain("prod-eu").And.Contain("halted")
            .And.Contain("2026-11-01 08:00:00Z").And.Contain("2026-11-01 08:04:00Z").And.Contain("1/3 ok, 1 failed, 1 pending");
        lines[0].IndexOf("STATE", StringComparison.Ordinal).Should().Be(lines[1].IndexOf("halted", StringComparison.Ordinal), "columns line up");
        lines[2].Should().Be("unreadable: stray: a job folder with no entry in jobs.db (/x/jobs/stray)");
        JobListRenderer.Render([], []).Should().Be("No jobs.\n");
    }

    [Fact]
    public void Show_lists_every_host_with_state_exit_code_times_duration_and_first_output_line()
    {
        var text = JobDetailsRenderer.Render(_inspector.Show(JobId));

        text.Should().Contain("State     halted (host 10.0.0.2 failed)");
        text.Should().Contain("Arguments snapshot=true jmx_password=<from environment CSTAR_JMX_PASSWORD>");
        var host1 = text.Split('\n').Single(l => l.StartsWith("10.0.0.1", StringComparison.Ordinal));
        host1.Should().Contain("succeeded").And.Contain(" 0 ").And.Contain("30.0s").And.EndWith("Cassandra restarted in 42 s");
        var host2 = text.Split('\n').Single(l => l.StartsWith("10.0.0.2", StringComparison.Ordinal));
        host2.Should().Contain("failed (exit 3)").And.Contain(" 3 ").And.Contain("1m05s");
        text.Split('\n').Single(l => l.StartsWith("10.0.0.3", StringComparison.Ordinal)).Should().Contain("pending");
    }

    [Fact]
    public void The_json_forms_carry_the_same_facts_with_kebab_case_states_and_durations_in_ms()
    {
        using var list = JsonDocument.Parse(JobJsonRenderer.Render(_inspector.List(), []));
        using var show = JsonDocument.Parse(JobJsonRenderer.Render(_inspector.Show(JobId)));

        var job = list.RootElement.GetProperty("jobs")[0];
        job.GetProperty("jobId").GetString().Should().Be(JobId);
        job.GetProperty("state").GetString().Should().Be("halted");
        job.GetProperty("hosts").GetProperty("failed").GetInt32().Should().Be(1);
        var hosts = show.RootElement.GetProperty("hosts");
        hosts[1].GetProperty("state").GetString().Should().Be("failed");
        hosts[1].GetProperty("durationMs").GetInt64().Should().Be(65_000);
        hosts[0].GetProperty("firstOutputLine").GetString().Should().Be("Cassandra restarted in 42 s");
        show.RootElement.GetProperty("definition").GetProperty("arguments")[1].GetProperty("secret").GetProperty("environmentVariable").GetString()
            .Should().Be("CSTAR_JMX_PASSWORD");
    }

    [Fact]
    public async Task The_log_shows_each_hosts_output_under_a_header_and_the_hosts_that_did_not_run()
    {
        var outputs = new HostOutputReader(_store, TimeProvider.System);
        using (var writer = new FileHostOutputStore(_root.Paths).OpenWriter(JobId, "10.0.0.2"))
        {
            writer.Append(OutputChannel.Err, "nodetool: connection refused"u8);
        }

        async Task<string> Log(string? host = null)
        {
            await using var text = new StringWriter();
            await JobLogRenderer.WriteAsync(_inspector.Show(JobId), outputs, text, host);
            return text.ToString();
        }

        var all = await Log();
        var one = await Log("10.0.0.1");
        var unknown = () => Log("10.9.9.9");

        all.Should().Be(
            "==> 10.0.0.1 (succeeded, exit 0) <==\nCassandra restarted in 42 s\nmore\n"
            + "==> 10.0.0.2 (failed, exit 3) <==\n--- stderr ---\nnodetool: connection refused\n"
            + "==> 10.0.0.3 (pending) <==\n");
        one.Should().StartWith("==> 10.0.0.1").And.NotContain("10.0.0.2");
        await unknown.Should().ThrowAsync<Cstar.Core.Errors.CstarException>().WithMessage("*10.9.9.9*");
    }

    public void Dispose()
    {
        _store.Dispose();
        _root.Dispose();
    }
}
