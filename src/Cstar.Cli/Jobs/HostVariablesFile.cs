using System.Collections.Immutable;
using System.Text.Json;
using Cstar.Core.Commands;
using Cstar.Core.Errors;

namespace Cstar.Cli.Jobs;

/// <summary>
/// A <c>--hosts-variables</c> file as written, checked: a JSON object of hosts, each an object of variables.
/// Values are strings (numbers and true/false are taken as their JSON text); null, objects and arrays are
/// refused, as are duplicate keys and names that cannot be written as <c>{{name}}</c>. Read once, before the
/// ring is even discovered, so a typo costs nothing; the keys are matched to nodes later
/// (<see cref="HostVariablesResolver"/>).
/// </summary>
internal sealed record HostVariablesFile(string Path, ImmutableArray<KeyValuePair<string, ImmutableDictionary<string, string>>> Entries)
{
    public const string Shape = "{\"<node address>\": {\"<name>\": \"<value>\"}}";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 };

    /// <summary>The file named by --hosts-variables, or null when the flag was not given.</summary>
    public static HostVariablesFile? Read(string? path)
    {
        if (path is null)
        {
            return null;
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CstarException($"Cannot read --hosts-variables {path}: {e.Message}", $"Check the path; the file is JSON: {Shape}.", ExitCode.Usage);
        }

        return Parse(path, json);
    }

    public static HostVariablesFile Parse(string path, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"is not valid JSON at {JsonErrorText.Where(e)}: {JsonErrorText.What(e)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, $"must be a JSON object of hosts, not {Describe(root.ValueKind)}");
            }

            var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, ImmutableDictionary<string, string>>>();
            var hosts = new HashSet<string>(StringComparer.Ordinal);
            foreach (var host in root.EnumerateObject())
            {
                if (string.IsNullOrWhiteSpace(host.Name) || !hosts.Add(host.Name))
                {
                    throw Invalid(path, string.IsNullOrWhiteSpace(host.Name) ? "has an empty host key" : $"names host '{host.Name}' twice");
                }

                entries.Add(new(host.Name, Variables(path, host)));
            }

            return new HostVariablesFile(path, entries.ToImmutable());
        }
    }

    private static ImmutableDictionary<string, string> Variables(string path, JsonProperty host)
    {
        if (host.Value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"host '{host.Name}': expected an object of variables, got {Describe(host.Value.ValueKind)}");
        }

        var variables = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var variable in host.Value.EnumerateObject())
        {
            var at = $"host '{host.Name}', variable '{variable.Name}'";
            if (!Placeholders.IsValidName(variable.Name))
            {
                throw Invalid(path, $"{at}: a name must be non-empty and without braces, to be written {{{{name}}}}");
            }

            if (variables.ContainsKey(variable.Name))
            {
                throw Invalid(path, $"{at} is given twice");
            }

            variables[variable.Name] = variable.Value.ValueKind switch
            {
                JsonValueKind.String => variable.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => variable.Value.GetRawText(),
                var kind => throw Invalid(path, $"{at}: the value must be a string (or a number or true/false), not {Describe(kind)}"),
            };
        }

        return variables.ToImmutable();
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "true/false",
    };

    private static CstarException Invalid(string path, string problem) =>
        new($"--hosts-variables {path} {problem}.", $"Fix the file; its shape is {Shape}.", ExitCode.Usage);
}
