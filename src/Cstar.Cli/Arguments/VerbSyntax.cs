namespace Cstar.Cli.Arguments;

/// <summary>
/// What the parser and the help need to know about one verb: its name as typed, its usage line, its flags,
/// what it does with other words, a description and examples.
/// </summary>
internal sealed record VerbSyntax(string Name, string Usage, FlagTable Table, PositionalRule Positionals, string Description, IReadOnlyList<string> Examples)
{
    /// <summary>Where the full help is, as the operator types it.</summary>
    public string HelpCommand => $"{Name} --help";

    public CommandLineError Error(string message) => new(message, Usage, $"see `{HelpCommand}` for every flag.");
}
