namespace Cstar.Ring.Discovery;

/// <summary>
/// Lets one keyspace at a time use the cluster's shared <see cref="Parsing.ParsePool"/> (not thread-safe), handing it
/// over to the earliest keyspace in plan order among those waiting. So the first keyspaces tend to finish one after the
/// other, each freeing its nodetool slot for the next keyspace's call early, rather than all finishing together at the
/// end. A waiter holds no thread (each is a transport's hand-over awaiting its turn), and a holder waits on nothing,
/// so every keyspace gets its turn.
/// </summary>
internal sealed class ParseGate
{
    private readonly object _sync = new();
    private readonly SortedList<int, TaskCompletionSource> _waiting = [];
    private bool _busy;

    /// <summary>How many keyspaces wait for their turn (for tests).</summary>
    internal int Waiting
    {
        get
        {
            lock (_sync)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Completes when the keyspace at <paramref name="order"/> holds the pool (at most one wait per keyspace at a time).</summary>
    public Task EnterAsync(int order)
    {
        lock (_sync)
        {
            if (!_busy)
            {
                _busy = true;
                return Task.CompletedTask;
            }

            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add(order, turn);
            return turn.Task;
        }
    }

    public void Exit()
    {
        TaskCompletionSource next;
        lock (_sync)
        {
            if (_waiting.Count == 0)
            {
                _busy = false;
                return;
            }

            next = _waiting.Values[0];
            _waiting.RemoveAt(0);
        }

        next.SetResult();
    }
}
