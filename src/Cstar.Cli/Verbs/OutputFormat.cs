using Cstar.Core.Errors;

namespace Cstar.Cli.Verbs;

/// <summary>--output text|json, validated once.</summary>
internal enum OutputFormat
{
    Text,
    Json,
}

/// <summary>Reads the --output flag.</summary>
internal static class OutputFormats
{
    public static OutputFormat Parse(string? value) => (value ?? "text").ToUpperInvariant() switch
    {
        "TEXT" => OutputFormat.Text,
        "JSON" => OutputFormat.Json,
        _ => throw new CstarException($"--output '{value}' is not known.", "Use --output text (the default) or --output json.", ExitCode.Usage),
    };
}
