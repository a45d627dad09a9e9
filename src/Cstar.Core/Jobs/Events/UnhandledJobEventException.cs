namespace Cstar.Core.Jobs.Events;

/// <summary>Thrown by a subscriber's default case: an event type it neither handles nor lists as ignored (a programming error).</summary>
public sealed class UnhandledJobEventException : Exception
{
    public UnhandledJobEventException()
    {
    }

    public UnhandledJobEventException(string message)
        : base(message)
    {
    }

    public UnhandledJobEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnhandledJobEventException(string subscriber, JobEvent jobEvent)
        : base($"{subscriber} does not handle events of type {jobEvent?.GetType().Name}: add a case (or list it as ignored).")
    {
    }
}
