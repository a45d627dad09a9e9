using Cstar.Core.Errors;

namespace Cstar.Cli.Arguments;

/// <summary>
/// A mistake on the command line, found before anything touches a host: one line naming the flag or value,
/// the verb's usage line, and where its help is. Exit code 2.
/// </summary>
internal sealed class CommandLineError : CstarException
{
    public CommandLineError(string message, string? usage, string? hint)
        : base(message, hint, ExitCode.Usage)
    {
        Usage = usage;
    }

    public CommandLineError()
        : this("command line error", null, null)
    {
    }

    public CommandLineError(string message)
        : this(message, null, null)
    {
    }

    public CommandLineError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The verb's usage line, printed under the error.</summary>
    public string? Usage { get; }
}
