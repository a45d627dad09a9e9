using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Cstar.Cli.Tests.Logging;

/// <summary>Keeps every log event, rendered, for assertions.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    public List<LogEvent> Events { get; } = [];

    private static readonly MessageTemplateTextFormatter Literal = new("{Message:lj}", CultureInfo.InvariantCulture);

    /// <summary>Rendered as the log file renders them: strings without quotes.</summary>
    public IEnumerable<string> Messages => Events.Select(Render);

    public string Text => string.Join("\n", Messages);

    public static string Render(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Literal.Format(logEvent, text);
        return text.ToString();
    }

    public void Emit(LogEvent logEvent) => Events.Add(logEvent);
}
