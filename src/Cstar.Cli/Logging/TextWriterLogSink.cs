using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Cstar.Cli.Logging;

/// <summary>Writes log events to a <see cref="TextWriter"/> (cstar's stderr, or a test's StringWriter), one flushed line each.</summary>
internal sealed class TextWriterLogSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
