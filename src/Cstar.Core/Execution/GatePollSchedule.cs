namespace Cstar.Core.Execution;

/// <summary>
/// When the gate reads the ring again after a read: after <see cref="JobRunRequest.GateInitialDelay"/>, growing x1.5 up
/// to <see cref="JobRunRequest.GateMaxDelay"/>. A host that ends starts the back-off over (its own first read is timed
/// by the job loop: hosts that end together share it).
/// </summary>
internal sealed class GatePollSchedule(TimeSpan initialDelay, TimeSpan maxDelay)
{
    private TimeSpan _delay;

    public DateTimeOffset Next { get; private set; }

    public void HostEnded() => _delay = initialDelay;

    public void Polled(DateTimeOffset now)
    {
        _delay = _delay == TimeSpan.Zero ? initialDelay : _delay;
        Next = now + _delay;
        _delay = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, (long)(_delay.Ticks * 1.5)));
    }
}
