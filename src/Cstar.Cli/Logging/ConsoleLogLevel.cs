using Serilog.Events;

namespace Cstar.Cli.Logging;

/// <summary>
/// How much of the log the console (stderr) gets: warnings by default, information with -v, debug with -vv.
/// Events the console view already prints (host transitions, decisions, gates) carry <see cref="ShownProperty"/>
/// and stay out of it at every level: the log file has them all.
/// </summary>
internal static class ConsoleLogLevel
{
    public const string ShownProperty = "ShownOnConsole";

    public static LogEventLevel For(int verbose) => verbose switch
    {
        <= 0 => LogEventLevel.Warning,
        1 => LogEventLevel.Information,
        _ => LogEventLevel.Debug,
    };
}
