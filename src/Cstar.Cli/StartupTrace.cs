using System.Diagnostics;
using System.Globalization;

namespace Cstar.Cli;

/// <summary>
/// `CSTAR_STARTUP_TRACE=1`: one stderr line per start-up milestone of a job, in milliseconds since the process started
/// (issue 17's breakdown of the fixed costs; off, it costs one environment read).
/// </summary>
internal static class StartupTrace
{
    public const string Variable = "CSTAR_STARTUP_TRACE";

    private static readonly DateTime? Started = Environment.GetEnvironmentVariable(Variable) == "1"
        ? Process.GetCurrentProcess().StartTime.ToUniversalTime()
        : null;

    public static void Mark(string milestone)
    {
        if (Started is { } started)
        {
            var elapsed = (DateTime.UtcNow - started).TotalMilliseconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup: {elapsed,6:F0} ms {milestone}"));
        }
    }
}
