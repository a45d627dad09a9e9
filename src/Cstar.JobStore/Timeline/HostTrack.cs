using System.Collections.Immutable;
using Cstar.Core.Jobs;

namespace Cstar.JobStore.Timeline;

/// <summary>One host's bars while <see cref="TimelineBuilder"/> walks the events: what is open since when.</summary>
internal sealed class HostTrack
{
    private readonly List<TimelineSpan> _spans = [];
    private DateTimeOffset? _running;
    private (DateTimeOffset Since, string Reason)? _comingBack;
    private (DateTimeOffset Since, string Reason)? _gate;

    public List<TimelineMarker> Markers { get; } = [];

    public int? Wave { get; set; }

    /// <summary>A host-start; a re-attach (continue after the runner went) keeps a bar that is open.</summary>
    public void Started(DateTimeOffset at, bool attach)
    {
        CloseGate(at);
        if (attach && (_running is not null || _comingBack is not null))
        {
            return;
        }

        CloseRunning(at, "running");
        _running = at;
    }

    public void GateWait(DateTimeOffset at, string reason)
    {
        if (_running is not null)
        {
            CloseRunning(at, "running");
            _comingBack = (at, reason);
        }
        else if (_comingBack is null)
        {
            _gate ??= (at, reason);
        }
    }

    public void GatePass(DateTimeOffset at)
    {
        if (_comingBack is { } back)
        {
            _spans.Add(new TimelineSpan(TimelineSpanKind.ComingBack, back.Since, at, TimelineBuilder.Bounded(back.Reason)));
            _comingBack = null;
        }

        CloseGate(at);
    }

    public void Finished(DateTimeOffset at, string state, string? exitCode, string? reason)
    {
        CloseRunning(at, "running, then " + state);
        GatePass(at);
        if (state is "failed" or "timed-out" or "did-not-come-back")
        {
            var exit = string.IsNullOrEmpty(exitCode) ? string.Empty : $" (exit {exitCode})";
            Markers.Add(new TimelineMarker(at, state, TimelineBuilder.Bounded($"{state}{exit}: {reason}"), Failure: true));
        }
    }

    /// <summary>The bars, with what is still open drawn to <paramref name="end"/>; a host without events gets its stored times.</summary>
    public ImmutableArray<TimelineSpan> Close(DateTimeOffset end, HostRunState state, bool live)
    {
        var open = live || !state.IsTerminal;
        if (_spans.Count == 0 && _running is null && _comingBack is null && _gate is null && state.StartedAt is { } started)
        {
            _spans.Add(new TimelineSpan(TimelineSpanKind.Running, started, state.EndedAt ?? end, "running (from the store: no events kept)", state.EndedAt is null));
        }

        if (_running is { } r)
        {
            _spans.Add(new TimelineSpan(TimelineSpanKind.Running, r, end, "running", open));
        }

        if (_comingBack is { } back)
        {
            _spans.Add(new TimelineSpan(TimelineSpanKind.ComingBack, back.Since, end, TimelineBuilder.Bounded(back.Reason), open));
        }

        if (_gate is { } gate)
        {
            _spans.Add(new TimelineSpan(TimelineSpanKind.GateWait, gate.Since, end, TimelineBuilder.Bounded(gate.Reason), open));
        }

        return [.. _spans.OrderBy(s => s.From)];
    }

    private void CloseRunning(DateTimeOffset at, string label)
    {
        if (_running is { } since)
        {
            _spans.Add(new TimelineSpan(TimelineSpanKind.Running, since, at, label));
            _running = null;
        }
    }

    private void CloseGate(DateTimeOffset at)
    {
        if (_gate is { } gate)
        {
            _spans.Add(new TimelineSpan(TimelineSpanKind.GateWait, gate.Since, at, TimelineBuilder.Bounded(gate.Reason)));
            _gate = null;
        }
    }
}
