using System.Globalization;
using Cstar.Cli.Composition;
using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.Cli.Jobs;

/// <summary>
/// <c>--confirm</c>: asks on the console before each host (yes / no / all / quit, as planb's per-node prompt).
/// The end of input counts as quit: with nobody to answer, nothing more starts.
/// </summary>
internal sealed class PromptHostConfirmation(IConsolePrompt prompt) : IHostConfirmation
{
    public async Task<ConfirmAnswer> ConfirmAsync(HostPlacement host, CancellationToken cancellationToken)
    {
        var question = string.Format(
            CultureInfo.InvariantCulture,
            "Start {0} (cluster {1}, dc {2}, rack {3})? [y]es, [n]o (skip it), [a]ll (stop asking), [q]uit: ",
            host.Host, host.Cluster, host.Datacenter, host.Rack);
        while (true)
        {
            // ReadLine cannot be cancelled: on Ctrl+C the question is abandoned and the job stops at once.
            var line = await Task.Run(() => prompt.AskLine(question), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (Parse(line) is { } answer)
            {
                return answer;
            }

            question = "Answer y (yes), n (no: skip this host), a (all: yes to every host) or q (quit): ";
        }
    }

    /// <summary>The answer a line means; null when it means none (ask again). No line (end of input) is quit.</summary>
    public static ConfirmAnswer? Parse(string? line) => line?.Trim().ToUpperInvariant() switch
    {
        null => ConfirmAnswer.Quit,
        "Y" or "YES" => ConfirmAnswer.Yes,
        "N" or "NO" => ConfirmAnswer.No,
        "A" or "ALL" => ConfirmAnswer.All,
        "Q" or "QUIT" => ConfirmAnswer.Quit,
        _ => null,
    };
}
