using Cstar.Ring.Describecluster;
using Cstar.Ring.Describering;
using Cstar.Ring.Info;
using Cstar.Ring.Status;
using Cstar.TestKit;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>Every real capture of a command cstar parses goes through its parser; the other captures are listed on purpose.</summary>
public sealed class FixtureCoverageTests
{
    /// <summary>Captures of commands cstar does not parse (or not-output files), with the reason.</summary>
    private static readonly HashSet<string> NotParsed =
    [
        "_exit-codes.txt",            // the capture log, not nodetool output
        "gossipinfo.txt",             // not used by discovery
        "getendpoints-acc_nts-kv-1.txt", // not used by discovery
        "statusbinary.txt",           // used by the health checks (another component)
        "statusgossip.txt",           // idem
        "info-node3-down.stderr",     // stderr of a failed call: the simulator replays it (NodetoolCommandTests)
    ];

    /// <summary>ring and info: not read by discovery (status and describering are); the simulator replays them.</summary>
    private static readonly string[] NotParsedPrefixes = ["ring", "info"];

    [Theory]
    [InlineData("3.11.10")]
    [InlineData("4.0-alpha4")]
    public void Every_real_capture_of_a_parsed_command_parses(string version)
    {
        var directory = Fixtures.RealNodetoolDirectory(version);
        var files = Directory.GetFiles(directory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var parsed = new List<string>();
        foreach (var file in files.Where(f => !NotParsed.Contains(f) && !NotParsedPrefixes.Any(p => f.StartsWith(p, StringComparison.Ordinal))))
        {
            var text = File.ReadAllText(Path.Combine(directory, file));
            Func<object> parse = file switch
            {
                _ when file.StartsWith("status-nonexistent", StringComparison.Ordinal) => () => Throws(() => StatusParser.Parse(text)),
                _ when file.StartsWith("status", StringComparison.Ordinal) => () => StatusParser.Parse(text).Entries.Length,
                _ when file.StartsWith("describering", StringComparison.Ordinal) => () => DescriberingParser.Parse(text).Ranges.Length,
                _ when file.StartsWith("describecluster", StringComparison.Ordinal) => () => DescribeclusterParser.Parse(text).Name,
                _ when file.StartsWith("version", StringComparison.Ordinal) => () => VersionParser.Parse(text),
                _ => throw new InvalidOperationException($"{file}: a new capture needs a parser test or a NotParsed entry"),
            };
            parse().Should().NotBeNull();
            parsed.Add(file);
        }

        parsed.Should().HaveCountGreaterThan(12);
    }

    private static string Throws(Action action)
    {
        var act = action;
        return act.Should().Throw<Core.Errors.CstarException>().Which.Message;
    }
}
