namespace Cstar.TestKit.Processes;

/// <summary>
/// Publishes src/Cstar.Cli once per test run into a temporary folder, exactly as README.md tells users,
/// so end-to-end tests run the real `cstar` and `cstarpar` executables.
/// </summary>
public static class PublishedCli
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _folder;

    public static async Task<string> FolderAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_folder is not null)
            {
                return _folder;
            }

            // test.sh publishes once before the suite and points here; a bare `dotnet test` publishes itself.
            var given = Environment.GetEnvironmentVariable("CSTAR_PUBLISHED_DIR");
            if (!string.IsNullOrEmpty(given) && File.Exists(Path.Combine(given, "cstar")))
            {
                _folder = Path.GetFullPath(given);
                return _folder;
            }

            var folder = Path.Combine(Path.GetTempPath(), "cstar-published-" + Environment.ProcessId);
            var outcome = await ProcessRunner.RunAsync(
                "dotnet",
                ["publish", Path.Combine(RepositoryPaths.Root, "src", "Cstar.Cli"), "-c", "Release", "-o", folder, "-nologo", "-v", "q"],
                TimeSpan.FromMinutes(5));
            if (outcome.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet publish failed:\n" + outcome);
            }

            _folder = folder;
            return folder;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<string> CstarAsync() => Path.Combine(await FolderAsync(), "cstar");

    public static async Task<string> CstarparAsync() => Path.Combine(await FolderAsync(), "cstarpar");
}
