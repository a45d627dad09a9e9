using System.Globalization;

namespace Cstar.Cli.Arguments;

/// <summary>Turns a flag's text into its property's type; a value that does not fit is an error naming the flag.</summary>
internal static class FlagValues
{
    public static object Convert(VerbSyntax syntax, FlagSpec flag, string text)
    {
        var type = Nullable.GetUnderlyingType(flag.Property.PropertyType) ?? flag.Property.PropertyType;
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw syntax.Error($"`{flag.LongForm}` wants a whole number; got '{text}'.");
        }

        if (type == typeof(double))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? number
                : throw syntax.Error($"`{flag.LongForm}` wants a number; got '{text}'.");
        }

        throw new InvalidOperationException($"{flag.LongForm}: type {type.Name} is not supported by the parser.");
    }
}
