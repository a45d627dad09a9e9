using Xunit;

namespace Cstar.TestKit.Requirements;

/// <summary>
/// The browser tests load a page in Debian's headless Chromium (<c>apt-get install chromium</c>; ./test.sh installs it
/// as root). Without it they are reported skipped, with this reason.
/// </summary>
public static class ChromiumRequirement
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The browser's path, or null when none is installed.</summary>
    public static string? Path => Candidates.FirstOrDefault(File.Exists);

    /// <summary>The browser's path; skips the test (reported skipped, with the reason) when there is none.</summary>
    public static string SkipUnlessPresent()
    {
        Skip.If(Path is null, "Chromium is not installed (apt-get install chromium; ./test.sh does it as root): the browser tests need it");
        return Path!;
    }
}
