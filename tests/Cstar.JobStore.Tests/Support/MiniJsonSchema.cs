using System.Globalization;
using System.Text.Json;

namespace Cstar.JobStore.Tests.Support;

/// <summary>
/// A tiny JSON Schema (2020-12) validator for the keywords events.schema.json uses: $ref (local),
/// oneOf, type, const, enum, required, properties, additionalProperties: false, items, minimum,
/// minLength, format: date-time. Any other keyword is an error, so the schema cannot silently use
/// something this validator ignores.
/// </summary>
public sealed class MiniJsonSchema(JsonElement root)
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "$defs", "title", "description", "$ref", "oneOf", "type", "const", "enum", "required",
        "properties", "additionalProperties", "items", "minimum", "minLength", "format",
    ];

    public static MiniJsonSchema Load(string path) => new(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

    /// <summary>The problems found; empty when the instance is valid.</summary>
    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name))
            {
                throw new NotSupportedException($"schema keyword {keyword.Name} is not supported by this validator");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/$defs/".Length..];
            Check(root.GetProperty("$defs").GetProperty(name), value, at, errors);
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matches = oneOf.EnumerateArray().Count(s => Errors(s, value, at).Count == 0);
            if (matches != 1)
            {
                errors.Add($"{at}: matches {matches} of the oneOf alternatives, not exactly one");
            }
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => HasType(value, t)))
            {
                errors.Add($"{at}: is {value.ValueKind}, expected {string.Join(" or ", types)}");
                return;
            }
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{at}: must be {constant.GetRawText()}");
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{at}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.Number && schema.TryGetProperty("minimum", out var min) && value.GetDouble() < min.GetDouble())
        {
            errors.Add($"{at}: below {min.GetDouble()}");
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            if (schema.TryGetProperty("minLength", out var minLength) && value.GetString()!.Length < minLength.GetInt32())
            {
                errors.Add($"{at}: shorter than {minLength.GetInt32()}");
            }

            if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time"
                && !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors.Add($"{at}: not a date-time");
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{at}[{i++}]", errors);
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, at, errors);
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                errors.Add($"{at}: missing required property {name}");
            }
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, $"{at}.{property.Name}", errors);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{at}: unexpected property {property.Name}");
            }
        }
    }

    private List<string> Errors(JsonElement schema, JsonElement value, string at)
    {
        var errors = new List<string>();
        Check(schema, value, at, errors);
        return errors;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => throw new NotSupportedException("type " + type),
    };
}
