using System.Globalization;
using Cstar.Core.Commands;

namespace Cstar.Core.Jobs.Controls;

/// <summary>
/// What the controls of a job have set so far: folding every request in order gives the same settings to the
/// runner that received them and to a later <c>continue</c>. A null limit means the job's own flag stays.
/// </summary>
public sealed record JobSettings(JobControl? PausedBy, int? MaxConcurrency, int? MaxConcurrencyPerDc, TimeSpan? NodeDonePause)
{
    public static readonly JobSettings None = new(null, null, null, null);

    public bool Paused => PausedBy is not null;

    public static JobSettings Fold(IEnumerable<JobControl> controls) => controls.OrderBy(c => c.Sequence).Aggregate(None, (s, c) => s.Apply(c));

    /// <summary>The settings after <paramref name="control"/>; a value that does not parse leaves them as they are.</summary>
    public JobSettings Apply(JobControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return control.Kind switch
        {
            JobControlKind.Pause => this with { PausedBy = control },
            JobControlKind.Resume => this with { PausedBy = null },
            JobControlKind.MaxConcurrency when Positive(control.Value) is int n => this with { MaxConcurrency = n },
            JobControlKind.MaxConcurrencyPerDc when Positive(control.Value) is int n => this with { MaxConcurrencyPerDc = n },
            JobControlKind.NodeDonePauseTime when DurationText.TryParse(control.Value ?? string.Empty, out var pause) => this with { NodeDonePause = pause },
            _ => this,
        };
    }

    private static int? Positive(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
