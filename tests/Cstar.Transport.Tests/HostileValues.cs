using Xunit;

namespace Cstar.Transport.Tests;

/// <summary>Values that break naive quoting: quotes, substitutions, separators, newlines, unicode, empty, long.</summary>
internal static class HostileValues
{
    public static IReadOnlyList<string> All { get; } =
    [
        string.Empty, " ", "  two  spaces  ", "'", "''", "\"", "\"\"", "'\"'\"'", "it's", "say \"hi\"",
        "$(id)", "$(touch /tmp/cstar-pwned)", "`id`", "`touch /tmp/cstar-pwned`", "${HOME}", "$HOME", "$", "$$", "$1", "$@",
        "a|b", "|", "a;b", ";", "a&b", "&", "&&", "||", "a>b", "<", ">>/tmp/cstar-pwned", "2>&1",
        "line1\nline2", "\n", "\r\n", "\t", "tab\there", "*", "?", "[a-z]*", "~", "~root", "#comment",
        "-n", "--", "-e", "\\", "\\n", "\\'", "a\\\"b", "!", "!!", "{a,b}", "(sub)", "a=b c=d",
        "ünïcödé", "日本語", "emoji 🎉", "\u00a0nbsp", "ZWJ\u200d", "rtl \u202e txt",
        new string('x', 10_000), string.Concat(Enumerable.Repeat("'$(`\"|;&\n", 500)),
    ];

    public static TheoryData<string> AsTheory()
    {
        var data = new TheoryData<string>();
        foreach (var value in All)
        {
            data.Add(value);
        }

        return data;
    }
}
