namespace Cstar.Core.Jobs;

/// <summary>
/// Where a secret comes from, never the secret itself: the name of an environment variable that
/// holds it. A job definition can only carry secrets as references, so nothing that is persisted can
/// leak a password (the original cstar stored the SSH password in plain text in job.json).
/// </summary>
public sealed record SecretReference
{
    public SecretReference(string environmentVariable)
    {
        if (!IsValidName(environmentVariable))
        {
            throw new ArgumentException(
                "an environment variable name is letters, digits and '_' and does not start with a digit",
                nameof(environmentVariable));
        }

        EnvironmentVariable = environmentVariable;
    }

    /// <summary>The environment variable that holds the secret when the job starts or continues.</summary>
    public string EnvironmentVariable { get; }

    /// <summary>How a reference is shown and stored: <c>&lt;from environment NAME&gt;</c>.</summary>
    public override string ToString() => "<from environment " + EnvironmentVariable + ">";

    private static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
