using Cstar.Core.Jobs;
using FluentAssertions;
using Xunit;
using K = Cstar.Core.Jobs.HostRunStateKind;

namespace Cstar.JobStore.Tests.Model;

public sealed class HostStateMachineTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The legal moves, written out independently of the implementation. Everything else is refused.</summary>
    private static readonly HashSet<(K From, K To, bool Retry)> Legal = BuildLegal();

    public static TheoryData<K, K, bool> AllPairs()
    {
        var data = new TheoryData<K, K, bool>();
        foreach (var from in Enum.GetValues<K>())
        {
            foreach (var to in Enum.GetValues<K>())
            {
                data.Add(from, to, false);
                data.Add(from, to, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_pair_of_states_is_accepted_exactly_when_the_table_allows_it(K from, K to, bool retryFailed)
    {
        var current = StateIn(from);
        var result = HostStateMachine.Apply(current, TransitionTo(to), retryFailed);

        result.Accepted.Should().Be(Legal.Contains((from, to, retryFailed)), $"{from} → {to} (retry-failed: {retryFailed})");
        if (result.Accepted)
        {
            result.State!.Kind.Should().Be(to);
            result.State.Host.Should().Be("10.0.0.1");
        }
        else
        {
            result.Refusal.Should().Contain(from.ToString()).And.Contain(to.ToString());
        }
    }

    [Fact]
    public void A_failed_host_stays_failed_without_retry_failed_and_says_so()
    {
        var result = HostStateMachine.Apply(StateIn(K.Failed), HostTransition.Retry(At), retryFailed: false);

        result.Accepted.Should().BeFalse();
        result.Refusal.Should().Contain("--retry-failed");
    }

    [Fact]
    public void Starting_counts_the_attempt_and_a_retry_keeps_the_count()
    {
        var first = HostStateMachine.Apply(HostRunState.Pending("h1"), HostTransition.Starting(At), false).State!;
        var failed = HostStateMachine.Apply(first, HostTransition.Failed(At.AddMinutes(1), 3, "exit 3"), false).State!;
        var retried = HostStateMachine.Apply(failed, HostTransition.Retry(At.AddMinutes(2)), true).State!;
        var second = HostStateMachine.Apply(retried, HostTransition.Starting(At.AddMinutes(3)), false).State!;

        first.Attempt.Should().Be(1);
        failed.Should().Match<HostRunState>(s => s.ExitCode == 3 && s.EndedAt == At.AddMinutes(1) && s.Duration == TimeSpan.FromMinutes(1));
        retried.Should().Match<HostRunState>(s => s.Kind == K.Pending && s.ExitCode == null && s.EndedAt == null);
        second.Should().Match<HostRunState>(s => s.Attempt == 2 && s.StartedAt == At.AddMinutes(3));
    }

    [Theory]
    [InlineData(K.Running, "the remote pid")]
    [InlineData(K.Failed, "a reason")]
    [InlineData(K.TimedOut, "a reason")]
    [InlineData(K.DidNotComeBack, "a reason")]
    public void A_transition_without_its_facts_is_refused(K to, string missing)
    {
        var result = HostStateMachine.Apply(StateIn(K.Starting), new HostTransition(to, At, null, null, null), false);

        result.Refusal.Should().Contain(missing);
    }

    [Fact]
    public void Success_needs_exit_code_zero_and_failure_cannot_claim_it()
    {
        HostStateMachine.Apply(StateIn(K.Running), new HostTransition(K.Succeeded, At, null, 1, null), false).Accepted.Should().BeFalse();
        HostStateMachine.Apply(StateIn(K.Running), HostTransition.Failed(At, 0, "x"), false).Accepted.Should().BeFalse();
        HostStateMachine.Apply(StateIn(K.Running), HostTransition.Failed(At, null, "ssh connection lost"), false).Accepted.Should().BeTrue();
    }

    [Fact]
    public void Running_records_the_remote_pid()
    {
        HostStateMachine.Apply(StateIn(K.Starting), HostTransition.Running(At, 777), false).State!.RemotePid.Should().Be(777);
    }

    private static HashSet<(K, K, bool)> BuildLegal()
    {
        var set = new HashSet<(K, K, bool)>();
        foreach (var retry in new[] { false, true })
        {
            set.Add((K.Pending, K.Starting, retry));
            set.Add((K.Pending, K.Skipped, retry));
            set.Add((K.Starting, K.Running, retry));
            foreach (var end in new[] { K.Succeeded, K.Failed, K.TimedOut, K.DidNotComeBack })
            {
                set.Add((K.Starting, end, retry));
                set.Add((K.Running, end, retry));
            }
        }

        set.Add((K.Failed, K.Pending, true));
        set.Add((K.TimedOut, K.Pending, true));
        set.Add((K.DidNotComeBack, K.Pending, true));
        return set;
    }

    private static HostRunState StateIn(K kind) => HostRunState.Pending("10.0.0.1") with { Kind = kind, Attempt = kind == K.Pending ? 0 : 1 };

    private static HostTransition TransitionTo(K to) => to switch
    {
        K.Pending => HostTransition.Retry(At),
        K.Starting => HostTransition.Starting(At),
        K.Running => HostTransition.Running(At, 1234),
        K.Succeeded => HostTransition.Succeeded(At),
        K.Failed => HostTransition.Failed(At, 2, "exit 2"),
        K.TimedOut => HostTransition.TimedOut(At, "no answer in 600 s"),
        K.DidNotComeBack => HostTransition.DidNotComeBack(At, 0, "node not UN after 20 min"),
        K.Skipped => HostTransition.Skipped(At, "not in the ring any more"),
        _ => throw new ArgumentOutOfRangeException(nameof(to)),
    };
}
