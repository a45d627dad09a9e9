namespace Cstar.Cli.Arguments;

/// <summary>How help shows one flag: its section, its value placeholder and its default (null: none worth saying).</summary>
internal sealed record FlagHelp(FlagGroup Group, string? Placeholder = null, string? Default = null);
