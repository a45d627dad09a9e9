using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Cstar.TestKit;
using Cstar.TestKit.Processes;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

/// <summary>`dotnet pack` + `dotnet tool install` gives both programs, as README.md tells users, precompiled on linux-x64.</summary>
[Trait("Category", "Slow")] // packs and installs both global tools: full lane only
public sealed class GlobalToolPackagingTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);

    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

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
                if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)
                {
                    // The RID-specific package was chosen: its code is precompiled, as the published binary's is.
                    var program = Directory.EnumerateFiles(Path.Combine(work, "tools", ".store"), tool + ".dll", SearchOption.AllDirectories).Single();
                    program.Should().Contain($"{tool}.linux-x64");
                    IsReadyToRun(program).Should().BeTrue($"{program} should carry ReadyToRun code");
                }
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
