using System.Text.RegularExpressions;
using Cstar.JobStore;
using Cstar.Transport;

namespace Cstar.Cli.Jobs;

/// <summary>
/// The <c>cstar continue</c> line printed for a job that can go on: one an operator can paste into a POSIX shell and
/// that finds the job. <c>continue</c> reads no settings, so a store that is not <c>~/.cstar</c> (from
/// <c>--output-directory</c>, <c>cstar.json</c> or <c>CSTAR_OUTPUT_DIRECTORY</c>) is named as an absolute
/// <c>--output-directory</c>; every other flag of the job is stored with it. A word that is not plainly safe is quoted.
/// </summary>
internal static partial class ContinueCommand
{
    /// <summary>The line for <paramref name="jobId"/> in the store at <paramref name="storeRoot"/>.</summary>
    public static string For(string jobId, string storeRoot, string? defaultRoot = null) =>
        "cstar continue " + Word(jobId) + StoreFlag(storeRoot, defaultRoot);

    /// <summary>" --output-directory DIR" when the store is not the default one, else empty: for any verb's next-step line.</summary>
    public static string StoreFlag(string? storeRoot, string? defaultRoot = null)
    {
        if (storeRoot is null)
        {
            return string.Empty;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(storeRoot));
        var standard = Path.TrimEndingDirectorySeparator(Path.GetFullPath(defaultRoot ?? JobStorePaths.Default().Root));
        return root == standard ? string.Empty : " --output-directory " + Word(root);
    }

    /// <summary>A word as typed: left bare when every character is one a shell never reads specially, else single-quoted.</summary>
    public static string Word(string value) => SafeWord().IsMatch(value) ? value : ShellQuote.Quote(value);

    [GeneratedRegex("^[A-Za-z0-9_./:@%+,-]+$")]
    private static partial Regex SafeWord();
}
