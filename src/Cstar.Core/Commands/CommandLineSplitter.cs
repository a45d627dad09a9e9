using System.Text;
using Cstar.Core.Errors;

namespace Cstar.Core.Commands;

/// <summary>
/// Splits a command line the way a POSIX shell splits words — whitespace separates; '…' is literal; "…" keeps
/// spaces and honours \" \\ \$ \` ; a backslash outside quotes escapes the next character — and does nothing
/// else: no variables, globs, pipes or redirections. The result is an argv run without a shell (cstarpar).
/// </summary>
public static class CommandLineSplitter
{
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case ' ' or '\t' or '\n':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '\'':
                    var end = line.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        throw Unterminated(line, "'");
                    }

                    word.Append(line, i + 1, end - i - 1);
                    i = end;
                    inWord = true;
                    break;
                case '"':
                    i = ReadDoubleQuoted(line, i + 1, word);
                    inWord = true;
                    break;
                case '\\':
                    if (i + 1 >= line.Length)
                    {
                        throw Unterminated(line, "\\");
                    }

                    word.Append(line[++i]);
                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static int ReadDoubleQuoted(string line, int start, StringBuilder word)
    {
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
            {
                word.Append(line[++i]);
            }
            else
            {
                word.Append(c);
            }
        }

        throw Unterminated(line, "\"");
    }

    private static CstarException Unterminated(string line, string what) => new(
        $"The command line has an unterminated {what}: {line}",
        "Close the quote, or quote the whole command once: cstarpar ... -- 'CMD {}'.");
}
