using Cstar.Core.Jobs.Events;
using Cstar.Core.Ports;

namespace Cstar.TestKit.Execution;

/// <summary>A subscriber that throws on every event (a broken view, a full disk under --events) and counts the calls.</summary>
public sealed class ThrowingSubscriber : IJobEventSubscriber
{
    public string Name => "the broken subscriber";

    public int Calls { get; private set; }

    public void Handle(JobEvent jobEvent)
    {
        Calls++;
        throw new IOException("No space left on device");
    }
}
