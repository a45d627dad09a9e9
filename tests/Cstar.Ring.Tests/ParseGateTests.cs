using System.Collections.Concurrent;
using Cstar.Ring.Discovery;
using FluentAssertions;
using Xunit;

namespace Cstar.Ring.Tests;

/// <summary>Keyspaces streaming at once take turns on the shared pool, handed over to the earliest in plan order.</summary>
public sealed class ParseGateTests
{
    [Fact]
    public async Task The_pool_is_handed_to_the_earliest_keyspace_waiting_whatever_order_they_came_in()
    {
        var gate = new ParseGate();
        var turns = new ConcurrentQueue<int>();
        async Task Take(int order)
        {
            await gate.EnterAsync(order);
            turns.Enqueue(order);
            gate.Exit();
        }

        await gate.EnterAsync(0);
        var third = Take(2);
        var second = Take(1);
        gate.Waiting.Should().Be(2);
        turns.Should().BeEmpty("the pool is held");

        gate.Exit();

        await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(10));
        turns.Should().Equal(1, 2);
    }

    [Fact]
    public async Task A_keyspace_alone_enters_at_once_and_the_gate_is_free_after_its_exit()
    {
        var gate = new ParseGate();

        var first = gate.EnterAsync(3);
        first.IsCompletedSuccessfully.Should().BeTrue();
        gate.Exit();

        var again = gate.EnterAsync(4);
        again.IsCompletedSuccessfully.Should().BeTrue();
        gate.Exit();
        gate.Waiting.Should().Be(0);
        await again;
    }
}
