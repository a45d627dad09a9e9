namespace Cstar.Core.Jobs;

/// <summary>Which stream of a host's command: the files <c>out</c> and <c>err</c>.</summary>
public enum OutputChannel
{
    Out,
    Err,
}
