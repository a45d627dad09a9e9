using System.Text;

namespace Cstar.Cli.Composition;

/// <summary>Prompts on the controlling terminal; secrets are read without echo. No terminal: no answer.</summary>
internal sealed class TerminalPrompt : IConsolePrompt
{
    private static readonly object Gate = new();

    public string? AskSecret(string question)
    {
        if (Console.IsInputRedirected)
        {
            return null;
        }

        lock (Gate)
        {
            Console.Error.Write(question);
            var secret = new StringBuilder();
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.Key == ConsoleKey.Enter)
                {
                    Console.Error.WriteLine();
                    return secret.ToString();
                }

                if (key.Key == ConsoleKey.Backspace && secret.Length > 0)
                {
                    secret.Length--;
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    secret.Append(key.KeyChar);
                }
            }
        }
    }

    public string? AskLine(string question)
    {
        lock (Gate)
        {
            Console.Error.Write(question);
            return Console.In.ReadLine();
        }
    }
}
