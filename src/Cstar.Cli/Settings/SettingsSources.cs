namespace Cstar.Cli.Settings;

/// <summary>Where defaults for job flags come from, lowest first: the system file, the user's file, CSTAR_* variables.</summary>
internal sealed record SettingsSources(string SystemFile, string UserFile, string EnvironmentPrefix)
{
    public const string FileName = "cstar.json";

    public static SettingsSources Default() => new(
        Path.Combine("/etc/cstar", FileName),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cstar", FileName),
        "CSTAR_");
}
