namespace Cstar.Cli.Composition;

/// <summary>Asks the operator something on the terminal; null when there is no terminal to ask on.</summary>
internal interface IConsolePrompt
{
    string? AskSecret(string question);

    string? AskLine(string question);
}
