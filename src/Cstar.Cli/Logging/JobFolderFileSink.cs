using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Cstar.Cli.Logging;

/// <summary>
/// Appends to <c>cstar.log</c> in the job folder — but never creates that folder: the job store creates it after
/// the job's row (a folder without a row is reported as unreadable). Until the folder exists, events wait in
/// memory; if it never appears (the job was refused before it was created), they are dropped.
/// Unbuffered: every event is on disk when Emit returns, so a second Ctrl+C loses nothing.
/// </summary>
internal sealed class JobFolderFileSink(string jobFolder, ITextFormatter formatter) : ILogEventSink, IDisposable
{
    public const string FileName = "cstar.log";
    private const int MaxPending = 10_000;
    private readonly Lock _gate = new();
    private readonly List<LogEvent> _pending = [];
    private Logger? _file;
    private bool _disposed;
    private bool _unwritable;

    public string FilePath { get; } = Path.Combine(jobFolder, FileName);

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (TryOpen() is { } file)
            {
                file.Write(logEvent);
            }
            else if (!_unwritable && _pending.Count < MaxPending)
            {
                _pending.Add(logEvent);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            TryOpen();
            _disposed = true;
            _pending.Clear();
            _file?.Dispose();
        }
    }

    private Logger? TryOpen()
    {
        if (_file is null && !_unwritable && Directory.Exists(jobFolder))
        {
            try
            {
                new FileStream(FilePath, JobStore.PrivateFiles.Options(FileMode.Append, FileAccess.Write, FileShare.ReadWrite)).Dispose();
                _file = new LoggerConfiguration()
                    .MinimumLevel.Verbose()
                    .WriteTo.File(formatter, FilePath, fileSizeLimitBytes: 256L * 1024 * 1024, buffered: false)
                    .CreateLogger();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The log must never stop a job: without a writable folder, the run goes on unlogged.
                _unwritable = true;
                _pending.Clear();
                return null;
            }

            foreach (var pending in _pending)
            {
                _file.Write(pending);
            }

            _pending.Clear();
        }

        return _file;
    }
}
