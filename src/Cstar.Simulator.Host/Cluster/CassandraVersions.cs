using Cstar.Core.Errors;

namespace Cstar.Simulator.Host.Cluster;

/// <summary>Maps the short versions people type (4.0, 3.11) to the versions whose real nodetool output we hold.</summary>
public static class CassandraVersions
{
    public static string Resolve(string version) => version switch
    {
        "4.0" or "4" => "4.0-alpha4",
        "3.11" or "3" => "3.11.10",
        _ when version.StartsWith("4.0", StringComparison.Ordinal) || version.StartsWith("3.11", StringComparison.Ordinal) => version,
        _ => throw new CstarException($"unknown Cassandra version '{version}'", "Use --version 4.0 or --version 3.11."),
    };
}
