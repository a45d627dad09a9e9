using System.Globalization;
using Cstar.Cli.Jobs;
using Cstar.Core.Commands;
using Cstar.Core.Execution;
using Cstar.Core.Jobs;
using Cstar.Core.Ports;
using Cstar.Core.Scheduling;
using Cstar.Core.Topology;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Filters;
using Serilog.Formatting.Display;

namespace Cstar.Cli.Logging;

/// <summary>
/// The log of one run of a job: <c>&lt;job folder&gt;/cstar.log</c> at Debug (appended to by `cstar continue`),
/// and stderr at the level -v/-vv asks for, without what the console view already prints. Owns the logger:
/// disposing it flushes and closes the file (JobLauncher disposes it on every way out, Ctrl+C and errors too).
/// </summary>
internal sealed class JobLog : IDisposable
{
    private const string FileTemplate = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}";
    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss}] {Level:u3} {Message:lj}{NewLine}";
    private readonly Logger _logger;
    private readonly ILogger _shown;
    private readonly string _jobId;
    private readonly ILogEventSink _file;

    public JobLog(ILogEventSink file, string filePath, TextWriter console, int verbose, string jobId)
    {
        FilePath = filePath;
        _jobId = jobId;
        _file = file;
        var consoleSink = new TextWriterLogSink(console, new MessageTemplateTextFormatter(ConsoleTemplate, CultureInfo.InvariantCulture));
        _logger = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .WriteTo.Sink(file)
            .WriteTo.Logger(c => c
                .Filter.ByExcluding(Matching.WithProperty(ConsoleLogLevel.ShownProperty))
                .WriteTo.Sink(consoleSink, ConsoleLogLevel.For(verbose)))
            .CreateLogger();
        _shown = _logger.ForContext(ConsoleLogLevel.ShownProperty, true);
    }

    public string FilePath { get; }

    public ILogger Logger => _logger;

    /// <summary>The log of job <paramref name="jobId"/> in its folder under <paramref name="jobFolder"/>; the console is <paramref name="stderr"/>.</summary>
    public static JobLog Open(string jobFolder, string jobId, TextWriter stderr, int verbose)
    {
        var file = new JobFolderFileSink(jobFolder, new MessageTemplateTextFormatter(FileTemplate, CultureInfo.InvariantCulture));
        return new JobLog(file, file.FilePath, stderr, verbose, jobId);
    }

    /// <summary>The log's subscriber to the engine's events (host transitions, decisions, gates, failed subscribers).</summary>
    public IJobEventSubscriber Subscriber => new JobLogObserver(_logger);

    public void JobStarting(JobDefinition definition, JobSetup setup, CommandHeader header, bool resume) =>
        JobStarting(definition, setup.Targets.Length, setup.Context.Policy, [.. header.Warnings, .. setup.Context.Warnings], resume, setup.Context.KeyspacePolicyLines, setup.Targets);

    /// <param name="targets">The target nodes: the log names cluster- and dc-parallelism only when they span several clusters or DCs.</param>
    /// <summary>"3", or what no --max-concurrency means (never the word "null" in an operator's log).</summary>
    private static string MaxConcurrencyText(SchedulingPolicy policy) =>
        policy.MaxConcurrency is { } max ? max.ToString(CultureInfo.InvariantCulture) : "not set (as the strategy allows)";

    public void JobStarting(
        JobDefinition definition, int hostCount, SchedulingPolicy policy, IReadOnlyList<string> warnings, bool resume, IReadOnlyList<string>? keyspacePolicy = null, IReadOnlyCollection<Node>? targets = null)
    {
        _logger.Information(
            "Job {JobId} {Mode}: command {Command}, {HostCount} host(s) in {Clusters}; strategy {Strategy}, "
            + "max-concurrency {MaxConcurrency}; reason {Reason}; cstar {Version}; flags {Flags}; arguments {Arguments}; log {LogFile}",
            definition.JobId, resume ? "continuing" : "starting", definition.CommandName, hostCount, definition.Clusters,
            SchedulingText.Of(policy, targets ?? []), MaxConcurrencyText(policy), definition.Reason, VersionInfo.Current,
            LoggedFlags.FromStored(definition.SchedulingPolicy), LoggedFlags.Arguments(definition.Arguments), FilePath);
        foreach (var line in keyspacePolicy ?? [])
        {
            _shown.Information("{KeyspacePolicy}", line.Trim());
        }

        foreach (var warning in warnings)
        {
            _shown.Warning("{Warning}", warning);
        }
    }

    public void JobEnded(JobOutcome outcome) =>
        _logger.Information(
            "Job {JobId} ended: {State}, exit code {ExitCode} ({ExitName}): {Reason}; {Succeeded} succeeded, {Failed} failed, {Skipped} skipped, {Running} running, {Pending} not run; log {LogFile}",
            outcome.JobId, outcome.State.ToString(), (int)outcome.ExitCode, outcome.ExitCode.ToString(), outcome.Reason,
            outcome.Hosts.Succeeded, outcome.Hosts.Failed + outcome.Hosts.TimedOut + outcome.Hosts.DidNotComeBack, outcome.Hosts.Skipped,
            outcome.Hosts.Starting + outcome.Hosts.Running, outcome.Hosts.Pending, FilePath);

    /// <summary>For an exception filter: records the error (cstar prints it on stderr itself) and lets it go on.</summary>
    public bool Failed(Exception error)
    {
        _shown.Error(error is Core.Errors.CstarException ? null : error, "Job {JobId} stopped by an error: {Error}", _jobId, error.Message);
        return false;
    }

    public void Dispose()
    {
        _logger.Dispose();
        (_file as IDisposable)?.Dispose();
    }
}
