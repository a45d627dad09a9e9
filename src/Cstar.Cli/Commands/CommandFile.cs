namespace Cstar.Cli.Commands;

/// <summary>A command script found on the search path: its name (file name up to the first dot) and where it is.</summary>
internal sealed record CommandFile(string Name, string Path);
