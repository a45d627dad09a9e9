using System.Globalization;

namespace Cstar.Simulator.Java;

/// <summary>
/// The three java.text.DecimalFormat patterns nodetool uses, with Java's default HALF_EVEN rounding:
/// "##0.0%" (status Owns), "##0.00%" (ring Owns) and "#.##" (file sizes).
/// </summary>
internal static class JavaDecimalFormat
{
    /// <summary>A Java Float formatted as a percentage with <paramref name="decimals"/> fraction digits.</summary>
    public static string Percent(float fraction, int decimals)
    {
        var value = (decimal)(double)fraction * 100m;
        var rounded = Math.Round(value, decimals, MidpointRounding.ToEven);
        return rounded.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>"#.##": up to two fraction digits, no trailing zeros, no leading zero for values below 1.</summary>
    public static string UpToTwoDecimals(double value)
    {
        var rounded = Math.Round((decimal)value, 2, MidpointRounding.ToEven);
        var text = rounded.ToString("0.##", CultureInfo.InvariantCulture);
        return text.StartsWith("0.", StringComparison.Ordinal) ? text[1..] : text;
    }
}
