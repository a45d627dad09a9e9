using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cstar.Core.Commands;

/// <summary>
/// Reads cstar's `# C* key: value` script header. The header is the block of `#` lines at the top of the
/// file; it ends at the first empty or non-`#` line, as in cstar. Any `# C*` line that cannot be understood
/// is an error naming the file and line; unknown keys are kept as warnings (cstar compatibility).
/// </summary>
public static partial class CommandHeaderParser
{
    private static readonly ImmutableHashSet<string> Strategies = ImmutableHashSet.Create(StringComparer.Ordinal, "one", "topology", "all", "rack");
    private static readonly ImmutableHashSet<string> ArgumentKeys = ImmutableHashSet.Create(StringComparer.Ordinal, "option", "name", "description", "required", "default", "secret");

    /// <summary>The command name cstar derives from a file name: everything before the first dot.</summary>
    public static string CommandNameFromFileName(string fileName)
    {
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? fileName : fileName[..dot];
    }

    public static CommandHeader Parse(string source, string name, string scriptText)
    {
        ArgumentNullException.ThrowIfNull(scriptText);
        var header = CommandHeader.Empty(name);
        var arguments = ImmutableArray.CreateBuilder<CommandArgument>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = scriptText.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var number = index + 1;
            if (line.Length == 0 || line[0] != '#')
            {
                break;
            }

            if (!HeaderMarker().IsMatch(line))
            {
                continue;
            }

            var match = HeaderLine().Match(line);
            if (!match.Success)
            {
                throw new CommandHeaderException(source, number, $"expected '# C* key: value', found '{line}'");
            }

            var key = match.Groups["key"].Value;
            var value = match.Groups["value"].Value.Trim();
            if (key != "argument" && seen.TryGetValue(key, out var first))
            {
                throw new CommandHeaderException(source, number, $"'{key}' is declared twice (first on line {first})");
            }

            seen[key] = number;
            header = key switch
            {
                "description" => header with { Description = value },
                "strategy" => header with { Strategy = ParseStrategy(source, number, value) },
                "cluster-parallel" => header with { ClusterParallel = ParseBool(source, number, key, value) },
                "dc-parallel" => header with { DcParallel = ParseBool(source, number, key, value) },
                "wait-for" => ParseWaitFor(header, source, number, value),
                "timeout" => header with { Timeout = ParseTimeout(source, number, value) },
                "max-concurrency" => header with { MaxConcurrency = ParseConcurrency(source, number, value) },
                "reboots-host" => header with { RebootsHost = ParseBool(source, number, key, value) },
                "takes-node-down" => header with { TakesNodeDown = ParseBool(source, number, key, value) },
                "argument" => AddArgument(header, arguments, ParseArgument(source, number, value, arguments)),
                _ => AddWarning(header, warnings, $"{source}:{number}: unknown header key '{key}' ignored"),
            };
        }

        return header with { Arguments = arguments.ToImmutable(), Warnings = warnings.ToImmutable() };
    }

    private static CommandHeader AddArgument(CommandHeader header, ImmutableArray<CommandArgument>.Builder arguments, CommandArgument argument)
    {
        arguments.Add(argument);
        return header;
    }

    private static CommandHeader AddWarning(CommandHeader header, ImmutableArray<string>.Builder warnings, string warning)
    {
        warnings.Add(warning);
        return header;
    }

    private static string ParseStrategy(string source, int line, string value) =>
        Strategies.Contains(value)
            ? value
            : throw new CommandHeaderException(source, line, $"strategy must be one of one, topology, all, rack; found '{value}'");

    private static bool ParseBool(string source, int line, string key, string value) =>
        value.ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => throw new CommandHeaderException(source, line, $"{key} must be true or false; found '{value}'"),
        };

    /// <summary>"cql", "none", "compactions&lt;N", or a comma-separated list of cql and compactions&lt;N.</summary>
    private static CommandHeader ParseWaitFor(CommandHeader header, string source, int line, string value)
    {
        var result = header with { WaitForCql = false, MaxPendingCompactions = null };
        foreach (var item in value.Split(',', StringSplitOptions.TrimEntries))
        {
            const string Compactions = "compactions<";
            if (item == "cql")
            {
                result = result with { WaitForCql = true };
            }
            else if (item == "none" && value == "none")
            {
                continue;
            }
            else if (item.StartsWith(Compactions, StringComparison.Ordinal)
                && int.TryParse(item.AsSpan(Compactions.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0)
            {
                result = result with { MaxPendingCompactions = limit };
            }
            else
            {
                throw new CommandHeaderException(source, line, $"wait-for must be 'cql', 'compactions<N' (N above 0), both separated by a comma, or 'none'; found '{value}'");
            }
        }

        return result;
    }

    private static TimeSpan ParseTimeout(string source, int line, string value) =>
        DurationText.TryParse(value, out var timeout) && timeout > TimeSpan.Zero && timeout <= LongestTimeout
            ? timeout
            : throw new CommandHeaderException(source, line, $"timeout must be a duration of at most 30 days such as 90s, 30m or 2h; found '{value}'");

    /// <summary>The same bound as the --timeout flag: 30 days.</summary>
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromDays(30);

    private static int ParseConcurrency(string source, int line, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new CommandHeaderException(source, line, $"max-concurrency must be a positive whole number; found '{value}'");

    private static CommandArgument ParseArgument(string source, int line, string json, IReadOnlyCollection<CommandArgument> earlier)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CommandHeaderException(source, line, $"argument is not valid JSON ({JsonErrorText.What(e)} at position {(e.BytePositionInLine ?? 0) + 1})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CommandHeaderException(source, line, "argument must be a JSON object such as {\"option\":\"--x\",\"name\":\"X\"}");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!ArgumentKeys.Contains(property.Name))
                {
                    throw new CommandHeaderException(source, line, $"argument has an unknown key '{property.Name}' (allowed: option, name, description, required, default, secret)");
                }
            }

            var option = RequiredString(source, line, root, "option");
            var name = RequiredString(source, line, root, "name");
            if (!OptionPattern().IsMatch(option))
            {
                throw new CommandHeaderException(source, line, $"argument option must look like --some-name; found '{option}'");
            }

            if (!EnvironmentNamePattern().IsMatch(name))
            {
                throw new CommandHeaderException(source, line, $"argument name must be an environment variable name ([A-Za-z_][A-Za-z0-9_]*); found '{name}'");
            }

            if (earlier.Any(a => a.Option == option || a.Name == name))
            {
                throw new CommandHeaderException(source, line, $"argument {option} / {name} is declared twice");
            }

            return new CommandArgument(
                option,
                name,
                OptionalString(source, line, root, "description"),
                OptionalBool(source, line, root, "required"),
                OptionalString(source, line, root, "default"),
                OptionalBool(source, line, root, "secret"));
        }
    }

    private static string RequiredString(string source, int line, JsonElement root, string key) =>
        OptionalString(source, line, root, key) is { Length: > 0 } value
            ? value
            : throw new CommandHeaderException(source, line, $"argument needs a non-empty \"{key}\"");

    private static string? OptionalString(string source, int line, JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new CommandHeaderException(source, line, $"argument \"{key}\" must be a string"),
        };
    }

    private static bool OptionalBool(string source, int line, JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new CommandHeaderException(source, line, $"argument \"{key}\" must be true or false"),
        };
    }

    [GeneratedRegex(@"^#\s*C\*")]
    private static partial Regex HeaderMarker();

    [GeneratedRegex(@"^#\s*C\*\s*(?<key>[^\s:]+)\s*:\s*(?<value>.*?)\s*$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^--[a-z0-9][a-z0-9-]*$")]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentNamePattern();
}
