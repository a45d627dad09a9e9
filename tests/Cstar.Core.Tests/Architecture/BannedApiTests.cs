using System.Diagnostics;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Core.Tests.Architecture;

/// <summary>
/// Builds a copy of Cstar.Core with banned calls added and checks the analyzer rejects each one,
/// so the "Core does no I/O" rule is held by the compiler, not by review.
/// </summary>
[Trait("Category", "Slow")] // two nested builds of Cstar.Core: full lane only
public sealed class BannedApiTests
{
    private static readonly string[] BannedLines =
    [
        "var a = System.DateTime.Now;",
        "var b = System.DateTime.UtcNow;",
        "var c = System.DateTimeOffset.Now;",
        "var d = System.DateTimeOffset.UtcNow;",
        "var e = System.Diagnostics.Stopwatch.StartNew();",
        "var f = System.Diagnostics.Stopwatch.GetTimestamp();",
        "System.Threading.Thread.Sleep(1);",
        "_ = System.Threading.Tasks.Task.Delay(1);",
        "_ = System.Threading.Tasks.Task.Delay(System.TimeSpan.Zero, System.Threading.CancellationToken.None);",
        "var g = System.IO.File.Exists(\"x\");",
        "var h = System.IO.Directory.Exists(\"x\");",
        "using var i = new System.IO.FileStream(\"x\", System.IO.FileMode.Open);",
        "using var j = System.Diagnostics.Process.Start(\"true\");",
        "System.Console.WriteLine(\"x\");",
        "var k = System.Environment.GetEnvironmentVariable(\"HOME\");",
    ];

    [Fact(Timeout = 300_000)]
    public async Task A_banned_call_placed_in_Core_fails_the_build_and_the_allowed_forms_do_not()
    {
        var copy = CopyCoreProject();
        try
        {
            var pristine = await BuildAsync(copy);
            pristine.ExitCode.Should().Be(0, "the untouched copy of Core must build; output:\n" + pristine.Output);

            var body = string.Join("\n", BannedLines.Select(l => "        " + l));
            var source =
                "namespace Cstar.Core;\n" +
                "internal static class BannedProbe\n{\n" +
                "    public static async System.Threading.Tasks.Task Allowed(System.TimeProvider time) =>\n" +
                "        await System.Threading.Tasks.Task.Delay(System.TimeSpan.Zero, time);\n\n" +
                "    public static void Banned()\n    {\n" + body + "\n    }\n}\n";
            await File.WriteAllTextAsync(Path.Combine(copy, "src", "Cstar.Core", "BannedProbe.cs"), source);

            var banned = await BuildAsync(copy);

            banned.ExitCode.Should().NotBe(0);
            var firstBannedLine = 9; // line numbers of the Banned() body in BannedProbe.cs
            for (var n = 0; n < BannedLines.Length; n++)
            {
                banned.Output.Should().MatchRegex(
                    $@"BannedProbe\.cs\({firstBannedLine + n},\d+\): error RS0030",
                    $"'{BannedLines[n]}' must be rejected by the banned-API analyzer");
            }

            banned.Output.Should().NotMatchRegex(@"BannedProbe\.cs\(5,\d+\): error", "Task.Delay with a TimeProvider is the allowed form");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string CopyCoreProject()
    {
        var root = RepositoryPaths.Root;
        var copy = Path.Combine(Path.GetTempPath(), "cstar-banned-" + Guid.NewGuid().ToString("N"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            Directory.CreateDirectory(copy);
            File.Copy(Path.Combine(root, file), Path.Combine(copy, file));
        }

        var source = Path.Combine(root, "src", "Cstar.Core");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(copy, "src", "Cstar.Core", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(string copy)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = copy,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "build", Path.Combine("src", "Cstar.Core", "Cstar.Core.csproj"), "-nologo", "-clp:NoSummary;ErrorsOnly" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
