using Cstar.Core.Commands;
using Cstar.Core.Execution;
using Cstar.Core.Ports;

namespace Cstar.Transport.Detached;

/// <summary>The two ways cstar runs a host's command detached: a script on the host (cstar), a local argv per host (cstarpar).</summary>
public static class DetachedRunners
{
    /// <summary>cstar: <paramref name="script"/> runs on each host in <c>~/.cstar/remote-jobs/&lt;job&gt;/&lt;host&gt;/</c>.</summary>
    public static DetachedHostRunner Remote(IDetachedRunTransport transport, string script, TimeProvider? time = null, DetachedRunOptions? options = null) =>
        new(transport, (options ?? new DetachedRunOptions()) with { Payload = r => new RunPayload(script, HostEnvironment(r.Placement)) }, time);

    /// <summary>
    /// cstarpar: <paramref name="commandLine"/> is split once (like a shell, but never run by one); in each word
    /// <c>{}</c>/<c>{host}</c>, <c>{dc}</c>, <c>{rack}</c>, <c>{cluster}</c> become the host's values; the argv runs
    /// on this machine through the same attach-or-start wrapper, in <c>&lt;jobFolder&gt;/local-runs/&lt;host&gt;</c>.
    /// <c>{{name}}</c> becomes the host's <paramref name="variables"/> value (<c>--hosts-variables</c>), in the same pass.
    /// </summary>
    public static DetachedHostRunner Local(
        IDetachedRunTransport localTransport, string commandLine, string jobFolder, TimeProvider? time = null, DetachedRunOptions? options = null, HostVariables? variables = null)
    {
        var words = CommandLineSplitter.Split(commandLine);
        if (words.Count == 0)
        {
            throw new Core.Errors.CstarException("The cstarpar command is empty.", "Give the command after --, e.g. cstarpar --seed-host H -- ssh {} hostname");
        }

        return new DetachedHostRunner(
            localTransport,
            (options ?? new DetachedRunOptions()) with
            {
                Folder = r => Path.Combine(jobFolder, "local-runs", r.Host),
                Payload = r => new RunPayload("exec " + ShellQuote.Join(Substitute(words, r.Placement, variables)), HostEnvironment(r.Placement)),
            },
            time);
    }

    /// <summary>
    /// The host's argv. With <paramref name="variables"/>, the host's <c>{{name}}</c> values are inserted as they are:
    /// the placement tokens apply to the text around them only, so a value holding <c>{}</c> stays literal.
    /// </summary>
    public static IReadOnlyList<string> Substitute(IReadOnlyList<string> words, HostPlacement placement, HostVariables? variables = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(placement);
        string Tokens(string text) => text
            .Replace("{}", placement.Host, StringComparison.Ordinal)
            .Replace("{host}", placement.Host, StringComparison.Ordinal)
            .Replace("{dc}", placement.Datacenter, StringComparison.Ordinal)
            .Replace("{rack}", placement.Rack, StringComparison.Ordinal)
            .Replace("{cluster}", placement.Cluster, StringComparison.Ordinal);
        return [.. words.Select(w => variables is null ? Tokens(w) : variables.Apply(w, placement.Host, Tokens))];
    }

    public static Dictionary<string, string> HostEnvironment(HostPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return new(StringComparer.Ordinal)
        {
            ["CSTAR_HOST"] = placement.Host,
            ["CSTAR_DC"] = placement.Datacenter,
            ["CSTAR_RACK"] = placement.Rack,
            ["CSTAR_CLUSTER"] = placement.Cluster,
        };
    }
}
