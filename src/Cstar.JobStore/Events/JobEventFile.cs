using System.Text;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;

namespace Cstar.JobStore.Events;

/// <summary>
/// <c>events.ndjson</c> in the job folder: every event of every run of the job (continue appends), written whether or
/// not <c>--events</c> was given, because the timeline report and <c>cstar attach</c> read it (gate waits and the time a
/// host waited to come back are kept nowhere else). Opened at the first event: the job folder exists only once the
/// job's row does. A folder that cannot be written never stops the job: the file is then given up.
/// </summary>
public sealed class JobEventFile(string jobFolder) : IJobEventSubscriber, IDisposable
{
    public const string FileName = "events.ndjson";
    private readonly Lock _gate = new();
    private NdjsonEventWriter? _writer;
    private bool _givenUp;

    public string FilePath { get; } = Path.Combine(jobFolder, FileName);

    public string Name => "the job folder's events.ndjson";

    public void Handle(JobEvent jobEvent)
    {
        lock (_gate)
        {
            if (_givenUp || (_writer is null && !TryOpen()))
            {
                return;
            }

            try
            {
                _writer!.Handle(jobEvent);
            }
            catch (IOException)
            {
                _givenUp = true;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
            _givenUp = true;
        }
    }

    private bool TryOpen()
    {
        if (!Directory.Exists(jobFolder))
        {
            return false;
        }

        try
        {
            var stream = new FileStream(FilePath, PrivateFiles.Options(FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete));
            _writer = new NdjsonEventWriter(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), ownsWriter: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _givenUp = true;
            return false;
        }
    }
}
