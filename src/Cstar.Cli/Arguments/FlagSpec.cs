using System.Reflection;

namespace Cstar.Cli.Arguments;

/// <summary>One flag of a verb: its names, how it takes values, where it lands and how help shows it.</summary>
internal sealed record FlagSpec(string Name, char? Short, FlagKind Kind, PropertyInfo Property, string HelpText, bool Hidden)
{
    /// <summary>For a list: the character that also separates values inside one word (`--host a,b`).</summary>
    public char? Separator { get; init; }

    /// <summary>`--name` as typed.</summary>
    public string LongForm => "--" + Name;

    /// <summary>How help and errors show the value: `HOST...`, `N`, `DURATION`.</summary>
    public string? Placeholder => Kind switch
    {
        FlagKind.Switch or FlagKind.Counter => null,
        FlagKind.List => FlagHelpTable.Placeholder(this) + "...",
        _ => FlagHelpTable.Placeholder(this),
    };
}
