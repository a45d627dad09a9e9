using Cstar.Cli.Arguments;
using Cstar.Cli.Verbs;
using Cstar.Core.Errors;

namespace Cstar.Cli.Settings;

/// <summary>
/// Fills the job flags the command line left out from the settings, and returns them as flag words, so the
/// job stores what it really ran with and `continue` does not depend on the settings of that later day.
/// </summary>
internal static class SettingsDefaults
{
    public static IReadOnlyList<string> Apply<T>(ParsedCommandLine<T> parsed, VerbSyntax syntax, CstarSettings settings)
        where T : JobOptions
    {
        var words = new List<string>();
        foreach (var setting in settings.For(syntax.Table, parsed.Options.Cluster).Where(s => !parsed.Given.Contains(s.Flag.Name)))
        {
            try
            {
                words.AddRange(Set(parsed.Options, setting, syntax));
            }
            catch (CstarException e)
            {
                throw new CstarException($"{setting.Source}: {e.Message}", "cstar config show lists every setting and where it comes from.", ExitCode.Usage);
            }
        }

        return words;
    }

    private static IEnumerable<string> Set(JobOptions options, SettingValue setting, VerbSyntax syntax)
    {
        var flag = setting.Flag;
        var values = setting.Values.Select(Expand).ToList();
        switch (flag.Kind)
        {
            case FlagKind.Switch:
                var on = bool.TryParse(values.Single(), out var b) ? b : throw new CstarException($"`{flag.Name}` wants true or false; got '{values.Single()}'.");
                flag.Property.SetValue(options, on);
                return on ? [flag.LongForm] : [];
            case FlagKind.Counter:
                var count = (int)FlagValues.Convert(syntax, flag with { Kind = FlagKind.Value }, values.Single());
                flag.Property.SetValue(options, count);
                return Enumerable.Repeat(flag.LongForm, count);
            case FlagKind.List:
                var items = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
                flag.Property.SetValue(options, items);
                return [$"{flag.LongForm}={string.Join(',', items)}"];
            default:
                flag.Property.SetValue(options, FlagValues.Convert(syntax, flag, values.Single()));
                return [$"{flag.LongForm}={values.Single()}"];
        }
    }

    /// <summary>`~/` in a settings file means the home folder, as in ssh_config.</summary>
    private static string Expand(string value) =>
        value.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), value[2..])
            : value;
}
