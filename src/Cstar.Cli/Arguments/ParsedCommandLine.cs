namespace Cstar.Cli.Arguments;

/// <summary>
/// The outcome of parsing one verb's words: the filled options, the words that were not flags, the flag
/// words alone (stored with a job so `continue` parses the same flags), and whether help or version was asked.
/// </summary>
internal sealed record ParsedCommandLine<T>(T Options, IReadOnlyList<string> Positionals, IReadOnlyList<string> FlagWords, bool AfterDashDash)
{
    public bool HelpRequested { get; init; }

    public bool VersionRequested { get; init; }

    /// <summary>The flags given on the command line (by name), which settings files and CSTAR_* variables do not override.</summary>
    public IReadOnlySet<string> Given { get; init; } = new HashSet<string>();
}
