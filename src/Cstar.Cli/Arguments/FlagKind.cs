namespace Cstar.Cli.Arguments;

/// <summary>How a flag takes its value, which decides how the parser reads the words after it.</summary>
internal enum FlagKind
{
    /// <summary>No value: present or not (`--dry-run`).</summary>
    Switch,

    /// <summary>No value, counted (`-v`, `-vv`).</summary>
    Counter,

    /// <summary>Exactly one value (`--strategy one`, `--strategy=one`).</summary>
    Value,

    /// <summary>One or more values, space- or comma-separated, repeatable (`--seed-host a b`, `--seed-host a,b --seed-host c`).</summary>
    List,
}
