namespace Cstar.Core.Errors;

/// <summary>
/// A user error: something the operator can fix. Carries the next step to take. Caught in one place,
/// the CLI's entry point, and printed without a stack trace.
/// </summary>
public class CstarException : Exception
{
    public CstarException(string message, string? hint = null, ExitCode exitCode = ExitCode.UserError, Exception? innerException = null)
        : base(message, innerException)
    {
        Hint = hint;
        ExitCode = exitCode;
    }

    public CstarException()
        : this("cstar error")
    {
    }

    public CstarException(string message)
        : this(message, hint: null)
    {
    }

    public CstarException(string message, Exception innerException)
        : this(message, null, ExitCode.UserError, innerException)
    {
    }

    /// <summary>What the operator should do next, e.g. "To resume, run cstar continue 1234".</summary>
    public string? Hint { get; }

    public ExitCode ExitCode { get; }
}
