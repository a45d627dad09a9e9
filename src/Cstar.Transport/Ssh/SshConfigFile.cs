using System.Globalization;
using System.Text.RegularExpressions;
using Cstar.Core.Errors;

namespace Cstar.Transport.Ssh;

/// <summary>
/// A small ssh_config reader for the SSH.NET adapter: <c>Host</c> blocks with <c>*</c>/<c>?</c>/<c>!</c>
/// patterns, lines before the first <c>Host</c> apply to all, and for each keyword the first value found
/// wins — OpenSSH's rule. Reads HostName (with <c>%h</c>), User, Port, IdentityFile and UserKnownHostsFile
/// (paths with <c>~</c>, <c>%d</c>, <c>%u</c>, <c>%h</c>; several known_hosts files, or <c>none</c>) and ProxyJump; other keywords are OpenSSH's business and are ignored. <c>Match</c> blocks
/// are not evaluated (treated as not matching): use <c>--ssh-lib openssh</c> for the full ssh_config.
/// </summary>
public sealed class SshConfigFile
{
    private const string KnownHostsKeyword = "userknownhostsfile";
    private static readonly string[] Keywords = ["hostname", "user", "port", "identityfile", "proxyjump", KnownHostsKeyword, "kexalgorithms"];
    private readonly List<(IReadOnlyList<string>? Patterns, string Keyword, string Value, int Line)> _settings;

    private SshConfigFile(List<(IReadOnlyList<string>?, string, string, int)> settings) => _settings = settings;

    public static SshConfigFile Empty { get; } = new([]);

    public static SshConfigFile Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path), path) : Empty;

    public static SshConfigFile Parse(string text, string source = "ssh_config")
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = new List<(IReadOnlyList<string>?, string, string, int)>();
        IReadOnlyList<string>? patterns = null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var split = line.IndexOfAny([' ', '\t', '=']);
            if (split <= 0)
            {
                throw new CstarException($"{source} line {i + 1}: '{line}' has a keyword but no value.", "Fix the line or point --ssh-config at another file.");
            }

            var keyword = line[..split].ToLowerInvariant();
            var value = line[(split + 1)..].Trim().TrimStart('=').Trim();
            if (keyword == "host")
            {
                patterns = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(Unquote).ToList();
            }
            else if (keyword == "match")
            {
                patterns = ["!*"];
            }
            else if (Keywords.Contains(keyword))
            {
                // UserKnownHostsFile lists files, each may be quoted: unquoted per file in Resolve.
                settings.Add((patterns, keyword, keyword == KnownHostsKeyword ? value : Unquote(value), i + 1));
            }
        }

        return new SshConfigFile(settings);
    }

    public SshHostConfig Resolve(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        string? First(string keyword) =>
            _settings.FirstOrDefault(s => s.Keyword == keyword && (s.Patterns is null || HostPattern.MatchesList(s.Patterns, host))).Value;

        var hostName = First("hostname")?.Replace("%h", host, StringComparison.Ordinal);
        var port = First("port");
        int? portNumber = null;
        if (port is not null)
        {
            portNumber = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                ? p
                : throw new CstarException($"ssh_config: Port '{port}' for {host} is not a port number.", "Fix the Port line of the ssh_config file.");
        }

        var identity = First("identityfile");
        if (identity is not null)
        {
            identity = ExpandPath(identity, host);
        }

        return new SshHostConfig(hostName, First("user"), portNumber, identity, First("proxyjump"), KnownHostsFiles(First(KnownHostsKeyword), host), First("kexalgorithms"));
    }

    /// <summary>The files of a UserKnownHostsFile value (space-separated, each maybe quoted); empty for <c>none</c>.</summary>
    private static List<string>? KnownHostsFiles(string? value, string host)
    {
        if (value is null)
        {
            return null;
        }

        var files = Regex.Matches(value, "\"[^\"]*\"|[^\\s]+").Select(m => Unquote(m.Value)).ToList();
        return files is [var only] && string.Equals(only, "none", StringComparison.OrdinalIgnoreCase)
            ? []
            : files.Select(f => ExpandPath(f, host)).ToList();
    }

    /// <summary>Expands <c>~</c>, <c>%d</c> (home), <c>%u</c> (local user) and <c>%h</c> (host) in a path.</summary>
    public static string ExpandPath(string path, string host)
    {
        ArgumentNullException.ThrowIfNull(path);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = home + path[1..];
        }

        return path.Replace("%d", home, StringComparison.Ordinal)
            .Replace("%u", Environment.UserName, StringComparison.Ordinal)
            .Replace("%h", host, StringComparison.Ordinal);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
