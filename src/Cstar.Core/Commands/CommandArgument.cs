namespace Cstar.Core.Commands;

/// <summary>
/// One `# C* argument: {...}` entry: the CLI option that sets it and the environment variable name
/// the script reads it from. Values reach scripts through the environment, never through the command line.
/// A <see cref="Secret"/> argument (our extension) is never given as a flag value: it comes from cstar's own
/// environment variable of the same name, or a prompt, and the job store keeps only that reference.
/// </summary>
public sealed record CommandArgument(string Option, string Name, string? Description, bool Required, string? Default, bool Secret = false);
