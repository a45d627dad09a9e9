namespace Cstar.TestKit.Processes;

/// <summary>Headless Chromium on a local file: the DOM after load (--dump-dom) and a screenshot, each bounded in time, with a profile of its own.</summary>
public static class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task<string> DumpDomAsync(string browser, string htmlFile)
    {
        var outcome = await RunAsync(browser, htmlFile, "--dump-dom");
        return outcome.ExitCode == 0 && outcome.StandardOutput.Contains("<html", StringComparison.Ordinal)
            ? outcome.StandardOutput
            : throw new InvalidOperationException("chromium --dump-dom failed: " + outcome);
    }

    public static async Task ScreenshotAsync(string browser, string htmlFile, string pngFile, int width = 1200, int height = 800)
    {
        var outcome = await RunAsync(browser, htmlFile, "--screenshot=" + pngFile, $"--window-size={width},{height}", "--hide-scrollbars");
        if (outcome.ExitCode != 0 || !File.Exists(pngFile))
        {
            throw new InvalidOperationException("chromium --screenshot failed: " + outcome);
        }
    }

    private static async Task<ProcessOutcome> RunAsync(string browser, string htmlFile, params string[] what)
    {
        var profile = Directory.CreateTempSubdirectory("cstar-chromium-");
        try
        {
            string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile.FullName];
            return await ProcessRunner.RunAsync(browser, [.. common, .. what, new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri], Timeout);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
