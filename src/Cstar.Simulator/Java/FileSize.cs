namespace Cstar.Simulator.Java;

/// <summary>
/// FileUtils.stringifyFileSize: 2.1 to 3.0 print KB/MB/GB, 3.x (3.1+) and later KiB/MiB/GiB. The number is
/// "#.##" of the value divided by the unit.
/// </summary>
internal static class FileSize
{
    public static string Format(double bytes, bool binaryUnits)
    {
        const double Kb = 1024, Mb = Kb * 1024, Gb = Mb * 1024, Tb = Gb * 1024;
        var (divisor, unit) = bytes switch
        {
            >= Tb => (Tb, "TB"),
            >= Gb => (Gb, "GB"),
            >= Mb => (Mb, "MB"),
            >= Kb => (Kb, "KB"),
            _ => (1d, "bytes"),
        };
        if (binaryUnits && unit != "bytes")
        {
            unit = unit[0] + "iB";
        }

        return JavaDecimalFormat.UpToTwoDecimals(bytes / divisor) + " " + unit;
    }
}
