using System.Text;
using System.Text.Json;
using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;
using Cstar.JobStore.Json;

namespace Cstar.JobStore.Events;

/// <summary>
/// <c>--events FILE</c> (or <c>-</c> for stdout): one JSON object per line, <c>"type"</c> first, flushed
/// after each event so a tail or a pipe sees it at once. The shape of each type is in
/// <c>jobs-schema/events.schema.json</c>. A file is appended to (continue adds to the same stream). The stream holds
/// the job's milestones; the events the console views follow (each host change, output, decision, gate check) are
/// not written.
/// </summary>
public sealed class NdjsonEventWriter : IJobEventSubscriber, IDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly Lock _gate = new();

    public NdjsonEventWriter(TextWriter writer, bool ownsWriter)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _ownsWriter = ownsWriter;
    }

    /// <summary>Opens <paramref name="target"/>: "-" is standard output, anything else a file appended to.</summary>
    public static NdjsonEventWriter Open(string target, TextWriter standardOutput)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (target == "-")
        {
            return new NdjsonEventWriter(standardOutput, ownsWriter: false);
        }

        var stream = new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new NdjsonEventWriter(new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), ownsWriter: true);
    }

    /// <summary>One event as its NDJSON line (without the newline).</summary>
    public static string ToJson(JobEvent jobEvent)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        return JsonSerializer.Serialize(jobEvent, jobEvent.GetType(), CstarJson.Compact);
    }

    public string Name => "the --events writer";

    public void Handle(JobEvent jobEvent)
    {
        switch (jobEvent)
        {
            case JobStartedEvent or HostStartedEvent or HostFinishedEvent or GateWaitEvent or GatePassEvent or JobHaltedEvent or JobEndedEvent
                or BackPressureWaitEvent or BackPressurePassEvent or JobControlEvent:
                Write(jobEvent);
                break;
            case HostChangedEvent or HostOutputEvent or DecisionEvent or GateEvent or HostUnreachableEvent or SubscriberFailedEvent:
                break;
            default:
                throw new UnhandledJobEventException(Name, jobEvent);
        }
    }

    private void Write(JobEvent jobEvent)
    {
        var line = ToJson(jobEvent);
        lock (_gate)
        {
            _writer.Write(line);
            _writer.Write('\n');
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        if (_ownsWriter)
        {
            _writer.Dispose();
        }
    }
}
