using Cstar.Cli.Errors;
using Cstar.Core.Errors;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Cstar.Cli.Tests.Errors;

/// <summary>Every exception that reaches the entry point becomes an error line, a next step and a documented exit code.</summary>
public sealed class ErrorReportTests
{
    private const string JobId = "0b5e4a52-8f2a-4c1e-9d0b-6f3c2e1a7b90";

    private static Exception InJob(Exception e)
    {
        JobErrorContext.Attach(e, JobId, "/home/op/.cstar/jobs/" + JobId + "/cstar.log", "/home/op/.cstar");
        return e;
    }

    [Fact]
    public void An_unexpected_exception_is_exit_70_on_one_line_without_a_stack_trace()
    {
        var report = ErrorReport.For(new InvalidOperationException("boom\n   at Somewhere()"));

        report.ExitCode.Should().Be(ExitCode.InternalError);
        report.Error.Should().Be("internal error (a bug in cstar): InvalidOperationException: boom    at Somewhere()");
        report.Error.Should().NotContain("\n");
        report.Hint.Should().Contain(ErrorReport.TraceVariable);
    }

    [Fact]
    public void An_unexpected_exception_during_a_job_names_the_job_log_and_how_to_resume()
    {
        var report = ErrorReport.For(InJob(new FormatException("bad")));

        report.ExitCode.Should().Be(ExitCode.InternalError);
        report.Hint.Should().Contain($"/home/op/.cstar/jobs/{JobId}/cstar.log").And.Contain($"cstar continue {JobId}");
    }

    [Fact]
    public void An_interrupted_job_outside_the_default_store_resumes_with_its_output_directory()
    {
        var report = ErrorReport.For(InJob(new OperationCanceledException()));

        report.ExitCode.Should().Be(ExitCode.Interrupted);
        report.Hint.Should().Be($"To resume, run cstar continue {JobId} --output-directory /home/op/.cstar.");
    }

    [Fact]
    public void A_full_disk_reported_by_sqlite_is_exit_74_naming_the_folder_and_the_resume_command()
    {
        var report = ErrorReport.For(InJob(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13)));

        report.ExitCode.Should().Be(ExitCode.LocalStorage);
        report.Error.Should().Be("the disk is full under /home/op/.cstar (SQLite Error 13: 'database or disk is full'.)");
        report.Hint.Should().Contain("df -h /home/op/.cstar").And.Contain($"cstar continue {JobId}").And.NotContain("<job-id>");
    }

    [Fact]
    public void A_read_only_file_system_outside_a_job_is_exit_74_and_names_the_path_from_the_message()
    {
        var report = ErrorReport.For(new IOException("Read-only file system : '/home/op/.cstar/jobs'", 30));

        report.ExitCode.Should().Be(ExitCode.LocalStorage);
        report.Error.Should().Contain("read-only file system").And.Contain("/home/op/.cstar/jobs");
    }

    [Fact]
    public void A_user_error_keeps_its_message_hint_and_code()
    {
        var report = ErrorReport.For(new CstarException("no seed", "give --seed-host", ExitCode.Usage));

        report.Should().Be(new ErrorReport("no seed", "give --seed-host", ExitCode.Usage));
    }

    [Fact]
    public void A_cancellation_is_exit_130()
    {
        ErrorReport.For(new OperationCanceledException()).ExitCode.Should().Be(ExitCode.Interrupted);
    }
}
