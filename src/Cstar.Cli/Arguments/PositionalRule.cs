namespace Cstar.Cli.Arguments;

/// <summary>What a verb does with words that are not flags.</summary>
internal enum PositionalRule
{
    /// <summary>None allowed: a stray word is an error (job verbs, ring).</summary>
    None,

    /// <summary>Bound to the options class's `[Value]` properties (continue JOB-ID, jobs show ID).</summary>
    Bound,

    /// <summary>Kept for the caller: cstarpar's command.</summary>
    Command,
}
