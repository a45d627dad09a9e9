using Cstar.Core.Errors;

namespace Cstar.Cli.Verbs;

/// <summary>A flag whose value is a TCP port: 1 to 65535, else one usage error naming the flag (before any host is contacted).</summary>
internal static class PortFlag
{
    public static int? Check(int? port, string flag) => port is null or (>= 1 and <= 65535)
        ? port
        : throw new CstarException($"{flag} {port} is not a TCP port.", $"Give {flag} a number from 1 to 65535, e.g. {flag} 22.", ExitCode.Usage);
}
