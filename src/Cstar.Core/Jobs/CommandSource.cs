namespace Cstar.Core.Jobs;

/// <summary>
/// The command a job runs: the script text (or cstarpar command line) as it was when the job started,
/// the path it came from if any, and its SHA-256 so <c>continue</c> can tell that the script changed.
/// </summary>
public sealed record CommandSource(string? ScriptText, string? ScriptPath, string Sha256)
{
    public string Sha256 { get; } = string.IsNullOrWhiteSpace(Sha256)
        ? throw new ArgumentException("a command source needs the hash of its script", nameof(Sha256))
        : Sha256;
}
