namespace Cstar.Simulator.Tests.Support;

/// <summary>A clock the test moves by hand: the simulator evaluates every delay against it.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset now;

    public ManualTimeProvider(DateTimeOffset? start = null) => now = start ?? new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
