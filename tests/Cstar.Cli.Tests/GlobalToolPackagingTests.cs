using Cstar.TestKit;
using Cstar.TestKit.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

/// <summary>`dotnet pack` + `dotnet tool install` gives both programs, as README.md tells users.</summary>
[Trait("Category", "Slow")] // packs and installs both global tools: full lane only
public sealed class GlobalToolPackagingTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);

    [Fact(Timeout = 900_000)]
    public async Task Packing_and_installing_the_tools_gives_working_cstar_and_cstarpar_commands()
    {
        var work = Path.Combine(Path.GetTempPath(), "cstar-tool-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var project in new[] { "Cstar.Cli", "Cstar.Par" })
            {
                var path = Path.Combine(RepositoryPaths.Root, "src", project);
                var pack = await ProcessRunner.RunAsync("dotnet", ["pack", path, "-c", "Release", "--no-build", "-o", Path.Combine(work, "nupkg"), "-nologo"], Step);
                if (pack.ExitCode != 0)
                {
                    // Not built in Release yet (a bare `dotnet test`): let pack build it.
                    pack = await ProcessRunner.RunAsync("dotnet", ["pack", path, "-c", "Release", "-o", Path.Combine(work, "nupkg"), "-nologo"], Step);
                }

                pack.ExitCode.Should().Be(0, pack.ToString());
            }

            foreach (var tool in new[] { "cstar", "cstarpar" })
            {
                var install = await ProcessRunner.RunAsync(
                    "dotnet", ["tool", "install", "--tool-path", Path.Combine(work, "tools"), "--add-source", Path.Combine(work, "nupkg"), tool], Step);
                install.ExitCode.Should().Be(0, install.ToString());

                var version = await ProcessRunner.RunAsync(Path.Combine(work, "tools", tool), ["--version"], TimeSpan.FromSeconds(60));
                version.ExitCode.Should().Be(0, version.ToString());
                version.StandardOutput.Should().StartWith(tool + " ");
            }
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
