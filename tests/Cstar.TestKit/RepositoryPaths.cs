namespace Cstar.TestKit;

/// <summary>Finds the repository root and ../shared from a test's working directory.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder beside the checkout (read-only samples: ../shared/nodetool-samples).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cstar.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cstar.sln not found above " + AppContext.BaseDirectory);
    }
}
