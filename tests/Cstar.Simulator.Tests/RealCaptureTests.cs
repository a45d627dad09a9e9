using Cstar.Simulator.Tests.Support;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Simulator.Tests;

/// <summary>The simulated ring, given the captured cluster's values, prints exactly what real Cassandra printed.</summary>
public sealed class RealCaptureTests
{
    public static TheoryData<string, string> Captures()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in Fixtures.RealVersions)
        {
            foreach (var scenario in CaptureScenario.All)
            {
                if (File.Exists(Path.Combine(Fixtures.RealNodetoolDirectory(version), scenario.File)))
                {
                    data.Add(version, scenario.File);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Status_ring_describering_and_describecluster_are_byte_identical_to_the_real_capture(string version, string file)
    {
        var scenario = CaptureScenario.All.Single(s => s.File == file);

        var response = scenario.Run(version);

        response.StandardOutput.Should().Be(scenario.Expected(version));
        response.ExitCode.Should().Be(scenario.ExitCode);
    }

    [Fact]
    public void Every_status_ring_describering_and_describecluster_capture_has_a_scenario()
    {
        var covered = CaptureScenario.All.Select(s => s.File).ToHashSet();
        var captures = Fixtures.RealVersions
            .SelectMany(v => Directory.GetFiles(Fixtures.RealNodetoolDirectory(v)))
            .Select(Path.GetFileName)
            .Where(f => f!.StartsWith("status", StringComparison.Ordinal) && !f.StartsWith("statusb", StringComparison.Ordinal) && !f.StartsWith("statusg", StringComparison.Ordinal)
                || f.StartsWith("ring", StringComparison.Ordinal) || f.StartsWith("describe", StringComparison.Ordinal));

        captures.Should().OnlyContain(f => covered.Contains(f!));
    }
}
