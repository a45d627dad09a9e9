using System.Globalization;
using System.Reflection;

namespace Cstar.JobStore.Sqlite;

/// <summary>The numbered scripts of <c>jobs-schema/</c>, embedded in this assembly: <c>NNN-name.sql</c> brings the store to version NNN.</summary>
internal static class SchemaScripts
{
    private const string Prefix = "Cstar.JobStore.Schema.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    /// <summary>The schema version this program writes: the highest script number.</summary>
    public static int LatestVersion => All[^1].Version;

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = name[Prefix.Length..];
            var version = int.Parse(file[..file.IndexOf('-', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, file, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Item1 != i + 1)
            {
                throw new InvalidOperationException($"schema scripts must be numbered 1, 2, 3...: found {scripts[i].Item2} at position {i + 1}");
            }
        }

        return scripts.Count > 0 ? scripts : throw new InvalidOperationException("no schema script is embedded in " + assembly.GetName().Name);
    }
}
