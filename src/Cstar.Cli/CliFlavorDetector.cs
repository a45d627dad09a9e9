namespace Cstar.Cli;

/// <summary>
/// The published folder holds one apphost under two names; the file name says which flavour to be.
/// </summary>
public static class CliFlavorDetector
{
    public static CliFlavor FromProcessPath(string? processPath)
    {
        var path = processPath ?? string.Empty;
        var fileName = path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        var name = fileName.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? fileName[..^4] : fileName;
        return string.Equals(name, "cstarpar", StringComparison.OrdinalIgnoreCase) ? CliFlavor.Cstarpar : CliFlavor.Cstar;
    }
}
