namespace Cstar.JobStore.Tests.Support;

/// <summary>A clock the test sets; only GetUtcNow is overridden (timers stay real).</summary>
public sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
