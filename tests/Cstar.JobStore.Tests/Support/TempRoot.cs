namespace Cstar.JobStore.Tests.Support;

/// <summary>A fresh store root folder per test, removed afterwards.</summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        // Its own temp folder, not one shared parent: a parent left by another user (root) would not be writable.
        Path = Directory.CreateTempSubdirectory("cstar-jobstore-test-").FullName;
    }

    public string Path { get; }

    public JobStorePaths Paths => new(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
