using System.Text.RegularExpressions;
using Cstar.TestKit;
using FluentAssertions;

namespace Cstar.Cli.Tests.Golden;

/// <summary>
/// Compares a console output with its golden file in tests/Cstar.Cli.Tests/Golden/files, after
/// <see cref="Normalize"/> (clock times, durations, job ids). To accept a changed output on purpose, run the
/// test with <c>CSTAR_UPDATE_GOLDEN=1</c> (it then writes the file and passes) and review the diff:
/// <c>CSTAR_UPDATE_GOLDEN=1 dotnet test tests/Cstar.Cli.Tests --filter "FullyQualifiedName~Golden"</c>.
/// </summary>
internal static partial class GoldenFile
{
    public const string UpdateVariable = "CSTAR_UPDATE_GOLDEN";

    public static string PathOf(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Cstar.Cli.Tests", "Golden", "files", name);

    public static void Check(string name, string actual)
    {
        var normalized = Normalize(actual);
        var path = PathOf(name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            return;
        }

        File.Exists(path).Should().BeTrue($"the golden file {path} exists (create it with {UpdateVariable}=1)");
        normalized.Should().Be(File.ReadAllText(path).ReplaceLineEndings("\n"), $"the output matches {path}; if the change is meant, rerun with {UpdateVariable}=1 and review the diff");
    }

    /// <summary>What changes from run to run becomes a placeholder: [hh:mm:ss], &lt;job-id&gt;, &lt;duration&gt;, &lt;temp&gt;.</summary>
    public static string Normalize(string text)
    {
        text = text.ReplaceLineEndings("\n");
        text = ClockTime().Replace(text, "[hh:mm:ss]");
        text = JobId().Replace(text, "<job-id>");
        text = Duration().Replace(text, "<duration>");
        return text;
    }

    [GeneratedRegex(@"\[\d\d:\d\d:\d\d\]", RegexOptions.Multiline)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex JobId();

    [GeneratedRegex(@"\b(\d+h\d\dm\d\ds|\d+m\d\ds|\d+(\.\d+)?s)\b")]
    private static partial Regex Duration();
}
