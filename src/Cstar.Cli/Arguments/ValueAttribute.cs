namespace Cstar.Cli.Arguments;

/// <summary>Declares a positional argument (continue's job id, jobs' action, cstarpar's command), by its index.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class ValueAttribute(int index) : Attribute
{
    public int Index { get; } = index;
}
