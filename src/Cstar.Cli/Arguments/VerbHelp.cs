using System.Reflection;
using System.Text;

namespace Cstar.Cli.Arguments;

/// <summary>
/// `cstar &lt;verb&gt; --help`: usage, what the verb does, its own flags only — grouped as an operator thinks
/// (targets, strategy, safety, SSH, output), each with its value placeholder and default — then examples.
/// </summary>
internal static class VerbHelp
{
    private const int FlagColumn = 34;
    private const int Width = 110;

    public static string Render(VerbSyntax syntax, string? beforeFlags = null)
    {
        var text = new StringBuilder();
        text.AppendLine(syntax.Usage);
        text.AppendLine();
        text.AppendLine(syntax.Description);
        if (beforeFlags is { Length: > 0 })
        {
            text.AppendLine();
            text.Append(beforeFlags);
        }

        var visible = syntax.Table.Flags.Where(f => !f.Hidden).ToList();
        var grouped = visible.Any(f => FlagHelpTable.For(f).Group != FlagGroup.Other && FlagHelpTable.For(f).Group != FlagGroup.OutputAndJobs);
        foreach (var group in visible.GroupBy(f => grouped ? FlagHelpTable.For(f).Group : FlagGroup.Other).OrderBy(g => g.Key))
        {
            text.AppendLine();
            text.AppendLine(grouped ? Title(group.Key) + ":" : "Flags:");
            foreach (var flag in group.OrderBy(FlagHelpTable.Rank))
            {
                AppendFlag(text, flag);
            }
        }

        text.AppendLine();
        text.AppendLine("Examples:");
        foreach (var example in syntax.Examples)
        {
            text.AppendLine("  " + example);
        }

        return text.ToString();
    }

    public static string Title(FlagGroup group) => group switch
    {
        FlagGroup.Targets => "Targets",
        FlagGroup.StrategyAndConcurrency => "Strategy and concurrency",
        FlagGroup.Safety => "Safety",
        FlagGroup.Ssh => "SSH",
        FlagGroup.OutputAndJobs => "Output and jobs",
        _ => "Other flags",
    };

    private static void AppendFlag(StringBuilder text, FlagSpec flag)
    {
        var names = (flag.Short is { } s ? $"-{s}, " : string.Empty) + flag.LongForm + (flag.Placeholder is { } p ? " " + p : string.Empty);
        var help = flag.HelpText;
        var fallback = flag.Property.GetCustomAttribute<OptionAttribute>()?.Default?.ToString();
        if ((FlagHelpTable.For(flag).Default ?? fallback) is { } value && !help.Contains("default", StringComparison.OrdinalIgnoreCase))
        {
            help = help.TrimEnd('.') + $" (default: {value}).";
        }

        var first = names.Length < FlagColumn - 2 ? "  " + names.PadRight(FlagColumn - 2) : "  " + names + "\n" + new string(' ', FlagColumn);
        text.Append(first);
        var column = FlagColumn;
        foreach (var word in help.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (column + word.Length + 1 > Width && column > FlagColumn)
            {
                text.AppendLine();
                text.Append(new string(' ', FlagColumn));
                column = FlagColumn;
            }

            text.Append(column > FlagColumn ? " " + word : word);
            column += word.Length + (column > FlagColumn ? 1 : 0);
        }

        text.AppendLine();
    }
}
