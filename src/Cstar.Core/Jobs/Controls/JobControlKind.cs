namespace Cstar.Core.Jobs.Controls;

/// <summary>What an operator asks of a running job (<c>cstar pause</c>, <c>resume</c>, <c>set</c>).</summary>
public enum JobControlKind
{
    Pause,
    Resume,
    MaxConcurrency,
    MaxConcurrencyPerDc,
    NodeDonePauseTime,
}
