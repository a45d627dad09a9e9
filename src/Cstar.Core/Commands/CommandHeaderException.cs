using Cstar.Core.Errors;

namespace Cstar.Core.Commands;

/// <summary>A malformed `# C*` header: names the file and line, and breaks only that command.</summary>
public sealed class CommandHeaderException : CstarException
{
    public CommandHeaderException(string source, int line, string problem)
        : base($"{source}:{line}: {problem}", "Fix the '# C* key: value' line (see README.md, 'Custom commands'), or move the file out of the commands path.")
    {
        Source = source;
        Line = line;
    }

    public CommandHeaderException()
        : this(string.Empty, 0, "malformed header")
    {
    }

    public CommandHeaderException(string message)
        : this(string.Empty, 0, message)
    {
    }

    public CommandHeaderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = string.Empty;
    }

    public new string Source { get; }

    public int Line { get; }
}
