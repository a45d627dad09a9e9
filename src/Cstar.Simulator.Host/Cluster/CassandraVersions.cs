using System.Text.RegularExpressions;
using Cstar.Core.Errors;

namespace Cstar.Simulator.Host.Cluster;

/// <summary>
/// Maps the short versions people type (2.1 … 5.0) to full release versions the simulator renders;
/// 4.0 and 3.11 map to the releases whose real nodetool output we hold (4.0-alpha4, 3.11.10).
/// </summary>
public static partial class CassandraVersions
{
    public static string Resolve(string version) => version switch
    {
        "2.1" => "2.1.22",
        "2.2" => "2.2.19",
        "3.0" => "3.0.29",
        "3.11" or "3" => "3.11.10",
        "4.0" or "4" => "4.0-alpha4",
        "4.1" => "4.1.5",
        "5.0" or "5" => "5.0.2",
        _ when FullVersion().IsMatch(version) => version,
        _ => throw new CstarException($"unknown Cassandra version '{version}'", "Use --version 2.1, 2.2, 3.0, 3.11, 4.0, 4.1, 5.0 or a full version such as 4.1.3."),
    };

    [GeneratedRegex(@"^[2-5]\.\d+\.\d+(-[A-Za-z0-9]+)?$")]
    private static partial Regex FullVersion();
}
