using System.Diagnostics;
using Cstar.Cli.Composition;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;
using Cstar.JobStore;

namespace Cstar.Cli.Jobs;

/// <summary>
/// --detach: this cstar starts itself again with the same command line, in a session of its own (setsid: no
/// controlling terminal, so no SIGHUP at logout and no Ctrl+C from this terminal), stdin from /dev/null, stdout and
/// stderr appended to <c>&lt;output-dir&gt;/detached/&lt;job-id&gt;.out</c>. The job id is chosen here and handed over
/// in <see cref="ChildVariable"/>, so it is known before the runner starts. This process waits until the runner holds
/// the job in the store (then prints the id and how to watch it) or ends first (then prints what it said, and its exit code).
/// </summary>
internal static class DetachedStart
{
    /// <summary>Set only in the background runner: the job id to use. Read once, then removed so commands never see it.</summary>
    public const string ChildVariable = "CSTAR_DETACHED_JOB_ID";

    private const string Launcher = "log=$1; shift; exec setsid \"$@\" </dev/null >>\"$log\" 2>&1";

    private static readonly Lazy<string?> Child = new(() =>
    {
        var id = Environment.GetEnvironmentVariable(ChildVariable);
        Environment.SetEnvironmentVariable(ChildVariable, null);
        return id;
    });

    /// <summary>The job id when this process is a detached runner, else null.</summary>
    public static string? ChildJobId => Child.Value;

    public static void Refuse(bool confirm, bool dryRun)
    {
        if (confirm || dryRun)
        {
            throw new CstarException(
                $"--detach cannot be used with {(confirm ? "--confirm" : "--dry-run")}: {(confirm ? "a job in the background has nobody to ask" : "a dry run starts nothing to leave running")}.",
                confirm ? "Drop --confirm (or --detach)." : "Drop --detach.",
                ExitCode.Usage);
        }
    }

    public static async Task<int> StartAsync(string jobId, string? outputDirectory, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var paths = outputDirectory is null ? JobStorePaths.Default() : new JobStorePaths(outputDirectory);
        var log = paths.DetachedConsole(jobId);
        PrivateFiles.Folder(Path.GetDirectoryName(log)!);
        new FileStream(log, PrivateFiles.Options(FileMode.Append, FileAccess.Write, FileShare.ReadWrite)).Dispose();
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var word in (string[])["-c", Launcher, "cstar-detach", log, .. SelfCommand(), .. Environment.GetCommandLineArgs()[1..]])
        {
            start.ArgumentList.Add(word);
        }

        start.Environment[ChildVariable] = jobId;
        using var runner = Process.Start(start) ?? throw new CstarException("--detach: the background runner could not be started.", "Run without --detach.");
        var held = false;
        while (!runner.HasExited && !(held = RunsJob(outputDirectory, jobId, time)))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time);
        }

        if (!held)
        {
            // Ended before it was seen running the job: a refusal, an error, or a job done at once. Its words are the answer.
            await runner.WaitForExitAsync();
            await stderr.WriteAsync(await File.ReadAllTextAsync(log));
            await stderr.WriteLineAsync($"cstar --detach: the background runner already ended (exit {runner.ExitCode}); what it printed is above and in {log}.");
            return runner.ExitCode;
        }

        await stdout.WriteLineAsync($"Job {jobId} runs in the background (pid {runner.Id}), detached from this terminal.");
        await stdout.WriteLineAsync($"  watch it:     cstar attach {jobId}{ContinueCommand.StoreFlag(outputDirectory)}   (Ctrl+C there leaves it running)");
        await stdout.WriteLineAsync($"  list jobs:    cstar jobs{ContinueCommand.StoreFlag(outputDirectory)}");
        await stdout.WriteLineAsync($"  its console:  {log}");
        return 0;
    }

    /// <summary>The job is Running in the store and its runner (the process that recorded it so) is alive.</summary>
    private static bool RunsJob(string? outputDirectory, string jobId, TimeProvider time)
    {
        if (!JobStoreFactory.Exists(outputDirectory))
        {
            return false;
        }

        using var store = JobStoreFactory.Open(outputDirectory, time);
        return store.FindJobState(jobId) == JobState.Running && !store.RunnerIsGone(jobId);
    }

    /// <summary>How to start this same program: the apphost, or `dotnet cstar.dll`.</summary>
    private static string[] SelfCommand()
    {
        var process = Environment.ProcessPath ?? throw new CstarException("--detach: cstar cannot find its own executable.", "Run without --detach.");
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, Environment.GetCommandLineArgs()[0]] : [process];
    }
}
