using Cstar.Cli.Arguments;

namespace Cstar.Cli.Settings;

/// <summary>A default for one flag and where it came from (a file, or an environment variable).</summary>
internal sealed record SettingValue(FlagSpec Flag, IReadOnlyList<string> Values, string Source);
