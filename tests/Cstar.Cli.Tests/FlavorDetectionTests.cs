using Cstar.Cli;
using FluentAssertions;
using Xunit;

namespace Cstar.Cli.Tests;

public sealed class FlavorDetectionTests
{
    [Theory]
    [InlineData("/opt/cstar/cstar", CliFlavor.Cstar)]
    [InlineData("/opt/cstar/cstarpar", CliFlavor.Cstarpar)]
    [InlineData("C:\\tools\\cstarpar.exe", CliFlavor.Cstarpar)]
    [InlineData("/usr/share/dotnet/dotnet", CliFlavor.Cstar)]
    [InlineData(null, CliFlavor.Cstar)]
    public void The_program_name_decides_whether_it_behaves_as_cstar_or_cstarpar(string? path, CliFlavor expected) =>
        CliFlavorDetector.FromProcessPath(path).Should().Be(expected);
}
