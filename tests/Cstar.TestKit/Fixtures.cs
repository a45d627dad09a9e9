namespace Cstar.TestKit;

/// <summary>Paths of the captured fixtures: real nodetool output of Cassandra 3.11.10 and 4.0-alpha4.</summary>
public static class Fixtures
{
    public static IReadOnlyList<string> RealVersions { get; } = ["3.11.10", "4.0-alpha4"];

    public static string RealNodetoolDirectory(string version) =>
        Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "nodetool", "real", version);

    public static string RealNodetool(string version, string fileName) =>
        File.ReadAllText(Path.Combine(RealNodetoolDirectory(version), fileName));

    /// <summary>Public samples are read from ../shared, never copied into the repository.</summary>
    public static string PublicSamplesDirectory => Path.Combine(RepositoryPaths.Shared, "nodetool-samples", "public");
}
