namespace Cstar.Cli.Arguments;

/// <summary>
/// Declares a flag on a property of an options class; <see cref="FlagTable"/> reads it and <see cref="ArgumentParser"/>
/// parses by it. The property's type decides the kind: bool is a switch, a string list is a list, anything else one value.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class OptionAttribute : Attribute
{
    public OptionAttribute(string longName)
    {
        LongName = longName;
    }

    public OptionAttribute(char shortName, string longName)
    {
        ShortName = shortName;
        LongName = longName;
    }

    /// <summary>The name after `--`.</summary>
    public string LongName { get; }

    /// <summary>The one-letter name after `-`, if any.</summary>
    public char? ShortName { get; }

    public string? HelpText { get; init; }

    /// <summary>Left out of help (aliases kept for compatibility).</summary>
    public bool Hidden { get; init; }

    /// <summary>A switch counted each time it is given (`-vv`): the property is an int.</summary>
    public bool FlagCounter { get; init; }

    /// <summary>The value when the flag is not given; help shows it.</summary>
    public object? Default { get; init; }

    /// <summary>For a list: the character that also separates values inside one word (`--host a,b`); none when '\0'.</summary>
    public char Separator { get; init; }
}
