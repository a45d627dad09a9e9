using System.Reflection;
using Cstar.Cli.Verbs;

namespace Cstar.Cli.Arguments;

/// <summary>
/// Reads a verb's words as cstar's argparse does: flags and other words in any order, `--flag value` and
/// `--flag=value`, `-j4`, `-vv`, list flags taking one or more values (space- or comma-separated, repeatable),
/// `--` ending the flags. Two deliberate differences: a list stops at a word that cannot be a host or keyspace
/// name (with a space, `{`, `}` or `/`), so `cstarpar --seed-host h "ssh {} x"` keeps its command; and
/// abbreviated flags are refused with the full name suggested, since a new flag could make one ambiguous.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedCommandLine<T> Parse<T>(VerbSyntax syntax, IReadOnlyList<string> args)
        where T : class
    {
        var options = (T)Activator.CreateInstance(syntax.Table.OptionsType)!;
        ApplyDefaults(syntax.Table, options);
        var beforeDashDash = args.TakeWhile(a => a != "--").ToList();
        if (beforeDashDash.Any(a => a is "--help" or "-h"))
        {
            return new ParsedCommandLine<T>(options, [], [], false) { HelpRequested = true };
        }

        if (beforeDashDash.Contains("--version"))
        {
            return new ParsedCommandLine<T>(options, [], [], false) { VersionRequested = true };
        }

        var state = new ParseState(syntax, args, options);
        state.Run();
        BindPositionals(syntax, options, state.Positionals);
        return new ParsedCommandLine<T>(options, state.Positionals, state.FlagWords, state.AfterDashDash) { Given = state.Given };
    }

    private static void ApplyDefaults(FlagTable table, object options)
    {
        foreach (var flag in table.Flags)
        {
            if (flag.Property.GetCustomAttribute<OptionAttribute>()?.Default is { } value)
            {
                flag.Property.SetValue(options, value);
            }
        }
    }

    private static void BindPositionals(VerbSyntax syntax, object options, List<string> words)
    {
        switch (syntax.Positionals)
        {
            case PositionalRule.None when words.Count > 0:
                throw syntax.Error($"unexpected argument `{words[0]}`: `{syntax.Name}` takes only flags (quote a value that has spaces).");
            case PositionalRule.Bound:
                var slots = syntax.Table.Positionals;
                for (var i = 0; i < slots.Count && i < words.Count; i++)
                {
                    var many = slots[i].PropertyType != typeof(string);
                    slots[i].SetValue(options, many ? words.Skip(i).ToArray() : words[i]);
                    if (many)
                    {
                        return;
                    }
                }

                if (words.Count > slots.Count)
                {
                    throw syntax.Error($"unexpected argument `{words[slots.Count]}`.");
                }

                break;
        }
    }

    /// <summary>The walk over the words, one flag at a time.</summary>
    private sealed class ParseState(VerbSyntax syntax, IReadOnlyList<string> args, object options)
    {
        private readonly Dictionary<FlagSpec, List<string>> _lists = [];
        private int _index;

        public List<string> Positionals { get; } = [];

        public List<string> FlagWords { get; } = [];

        public HashSet<string> Given { get; } = new(StringComparer.Ordinal);

        public bool AfterDashDash { get; private set; }

        public void Run()
        {
            for (_index = 0; _index < args.Count; _index++)
            {
                var word = args[_index];
                if (AfterDashDash)
                {
                    Positionals.Add(word);
                }
                else if (word == "--")
                {
                    AfterDashDash = true;
                }
                else if (word.StartsWith("--", StringComparison.Ordinal))
                {
                    Long(word);
                }
                else if (word.Length > 1 && word[0] == '-' && !double.TryParse(word, out _))
                {
                    Short(word);
                }
                else
                {
                    Positionals.Add(word);
                }
            }

            foreach (var (flag, values) in _lists)
            {
                flag.Property.SetValue(options, values.ToArray());
            }
        }

        private void Long(string word)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? word[2..equals] : word[2..];
            var flag = syntax.Table.Find(name) ?? throw Unknown("--" + name);
            FlagWords.Add(word);
            Take(flag, "--" + name, equals > 0 ? word[(equals + 1)..] : null);
        }

        private void Short(string word)
        {
            FlagWords.Add(word);
            for (var k = 1; k < word.Length; k++)
            {
                var flag = syntax.Table.FindShort(word[k]) ?? throw Unknown("-" + word[k]);
                if (flag.Kind is FlagKind.Switch or FlagKind.Counter)
                {
                    Take(flag, "-" + word[k], null);
                    continue;
                }

                var rest = word[(k + 1)..].TrimStart('=');
                Take(flag, "-" + word[k], rest.Length > 0 ? rest : null);
                return;
            }
        }

        private void Take(FlagSpec flag, string typed, string? inline)
        {
            Given.Add(flag.Name);
            switch (flag.Kind)
            {
                case FlagKind.Switch or FlagKind.Counter when inline is not null:
                    throw syntax.Error($"`{typed}` takes no value; got '{inline}'.");
                case FlagKind.Switch:
                    flag.Property.SetValue(options, true);
                    break;
                case FlagKind.Counter:
                    flag.Property.SetValue(options, (int)flag.Property.GetValue(options)! + 1);
                    break;
                case FlagKind.Value:
                    var text = inline ?? NextValue(flag, typed);
                    flag.Property.SetValue(options, FlagValues.Convert(syntax, flag, text));
                    break;
                case FlagKind.List:
                    var values = _lists.TryGetValue(flag, out var list) ? list : _lists[flag] = [];
                    var words = inline is not null ? [inline] : ListWords(flag, typed);
                    values.AddRange(flag.Separator is { } separator ? words.SelectMany(w => w.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : words);
                    break;
            }
        }

        private string NextValue(FlagSpec flag, string typed)
        {
            if (_index + 1 >= args.Count || args[_index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw syntax.Error($"`{typed}` needs a value ({flag.Placeholder}).");
            }

            FlagWords.Add(args[++_index]);
            return args[_index];
        }

        private List<string> ListWords(FlagSpec flag, string typed)
        {
            var words = new List<string>();
            while (_index + 1 < args.Count && CanBeListValue(args[_index + 1]))
            {
                words.Add(args[++_index]);
                FlagWords.Add(args[_index]);
            }

            return words.Count > 0 ? words : throw syntax.Error($"`{typed}` needs a value ({flag.Placeholder}).");
        }

        /// <summary>Host, keyspace, DC and rack names have no spaces, braces or slashes; a command line has.</summary>
        private static bool CanBeListValue(string word) =>
            word.Length > 0 && word[0] != '-' && word.IndexOfAny([' ', '\t', '\n', '{', '}', '/']) < 0;

        private CommandLineError Unknown(string typed)
        {
            var name = typed.TrimStart('-');
            if (typed.StartsWith("--", StringComparison.Ordinal) && syntax.Table.OptionsType != typeof(JobOptions)
                && FlagTable.Of(typeof(JobOptions)).Find(name) is { } jobFlag && syntax.Table.Find(name) is null)
            {
                return syntax.Error($"`{jobFlag.LongForm}` does not apply to `{syntax.Name}`.");
            }

            var known = syntax.Table.Flags.Where(f => !f.Hidden).Select(f => f.Name);
            var guess = typed.Length > 2 ? Spelling.Closest(name, known) : null;
            return syntax.Error(guess is null ? $"unknown flag `{typed}`." : $"unknown flag `{typed}`; did you mean `--{guess}`?");
        }
    }
}
