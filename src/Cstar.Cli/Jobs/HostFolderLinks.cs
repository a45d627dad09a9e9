namespace Cstar.Cli.Jobs;

/// <summary>
/// --resolve-hostnames names the per-host output folders by host name, as cstar did, without the store knowing names:
/// the folder stays <c>jobs/&lt;id&gt;/&lt;address&gt;</c> (every reader, <c>jobs log</c> and <c>continue</c> use it) and
/// <c>jobs/&lt;id&gt;/&lt;name&gt;</c> is a relative symbolic link to it. A link that cannot be made is a note, never an error.
/// </summary>
internal static class HostFolderLinks
{
    public static async Task CreateAsync(string jobFolder, HostDisplayNames names, TextWriter notes)
    {
        if (!Directory.Exists(jobFolder))
        {
            return;
        }

        var failed = new List<string>();
        foreach (var (address, name) in names.Names.OrderBy(n => n.Value, StringComparer.Ordinal))
        {
            var link = Path.Combine(jobFolder, name);
            try
            {
                if (new FileInfo(link).LinkTarget is null && !Path.Exists(link))
                {
                    File.CreateSymbolicLink(link, address);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add($"{name} ({e.Message})");
            }
        }

        if (failed.Count > 0)
        {
            await notes.WriteLineAsync($"note: --resolve-hostnames: no folder named after {string.Join(", ", failed)}; the outputs are in the folders named by address.");
        }
    }
}
