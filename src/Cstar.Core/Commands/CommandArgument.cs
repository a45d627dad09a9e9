namespace Cstar.Core.Commands;

/// <summary>
/// One `# C* argument: {...}` entry: the CLI option that sets it and the environment variable name
/// the script reads it from. Values reach scripts through the environment, never through the command line.
/// </summary>
public sealed record CommandArgument(string Option, string Name, string? Description, bool Required, string? Default);
