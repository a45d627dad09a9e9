using CommandLine;

namespace Cstar.Cli;

/// <summary>One parser configuration for every verb: repeated flags accumulate, `--` ends options.</summary>
internal static class CliParser
{
    public static Parser Create() => new(settings =>
    {
        settings.HelpWriter = null;
        settings.CaseSensitive = true;
        settings.AutoHelp = true;
        settings.AutoVersion = true;
        settings.EnableDashDash = true;
        settings.AllowMultiInstance = true;
    });
}
