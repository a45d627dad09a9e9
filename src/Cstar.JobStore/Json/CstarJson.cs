using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cstar.JobStore.Json;

/// <summary>
/// The JSON conventions of everything the store writes or prints: camelCase names, enums as kebab-case
/// strings, durations as <c>...Ms</c> numbers, <c>type</c>, <c>time</c>, <c>jobId</c> first when a record has them.
/// </summary>
internal static class CstarJson
{
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,

            // A stored definition missing a field, or with null where the model has none, is unreadable, not half-read.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Conventions } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static void Conventions(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            property.Order = property.Name switch
            {
                "type" => -3,
                "time" => -2,
                "jobId" => -1,
                _ => property.Order,
            };

            if (property.PropertyType == typeof(TimeSpan) || property.PropertyType == typeof(TimeSpan?))
            {
                property.Name += "Ms";
                property.CustomConverter = property.PropertyType == typeof(TimeSpan)
                    ? new MillisecondsConverter()
                    : new NullableMillisecondsConverter();
            }
        }
    }

    private sealed class MillisecondsConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeSpan.FromMilliseconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteNumberValue((long)value.TotalMilliseconds);
    }

    private sealed class NullableMillisecondsConverter : JsonConverter<TimeSpan?>
    {
        public override TimeSpan? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : TimeSpan.FromMilliseconds(reader.GetDouble());

        public override void Write(Utf8JsonWriter writer, TimeSpan? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                writer.WriteNumberValue((long)v.TotalMilliseconds);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
