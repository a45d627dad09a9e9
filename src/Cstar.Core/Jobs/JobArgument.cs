namespace Cstar.Core.Jobs;

/// <summary>
/// One argument value of a job's command: either literal text, or (for arguments flagged secret) a
/// reference to the environment variable that holds it. Exactly one of the two is set.
/// </summary>
public sealed record JobArgument
{
    public JobArgument(string name, string? literal, SecretReference? secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if ((literal is null) == (secret is null))
        {
            throw new ArgumentException("an argument is either a literal value or a secret reference, not both or neither", nameof(literal));
        }

        Name = name;
        Literal = literal;
        Secret = secret;
    }

    public string Name { get; }

    /// <summary>The value as given, for arguments that are not secret.</summary>
    public string? Literal { get; }

    /// <summary>For secret arguments: where to read the value from when the job (re)starts.</summary>
    public SecretReference? Secret { get; }

    public static JobArgument FromLiteral(string name, string value) => new(name, value, null);

    public static JobArgument FromEnvironment(string name, string environmentVariable) =>
        new(name, null, new SecretReference(environmentVariable));

    /// <summary>The value for display: the literal, or <c>&lt;from environment NAME&gt;</c>.</summary>
    public string Display => Literal ?? Secret!.ToString();
}
