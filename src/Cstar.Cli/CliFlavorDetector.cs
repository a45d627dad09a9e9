namespace Cstar.Cli;

/// <summary>
/// The published folder holds one apphost under two names; the file name says which flavour to be.
/// </summary>
public static class CliFlavorDetector
{
    public static CliFlavor FromProcessPath(string? processPath)
    {
        var name = Path.GetFileNameWithoutExtension(processPath ?? string.Empty);
        return string.Equals(name, "cstarpar", StringComparison.OrdinalIgnoreCase) ? CliFlavor.Cstarpar : CliFlavor.Cstar;
    }
}
