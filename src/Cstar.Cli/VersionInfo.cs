using System.Reflection;

namespace Cstar.Cli;

/// <summary>The version printed by --version: the informational version without the build metadata.</summary>
internal static class VersionInfo
{
    public static string Current { get; } =
        (typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
