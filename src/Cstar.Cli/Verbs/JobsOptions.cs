using Cstar.Cli.Arguments;

namespace Cstar.Cli.Verbs;

/// <summary>`cstar jobs`: List jobs, show one, print its output, or write its timeline. Examples: cstar jobs; cstar jobs show &lt;id&gt;; cstar jobs log &lt;id&gt; --host 10.0.0.1 --follow; cstar jobs report &lt;id&gt; --html job.html</summary>
internal sealed class JobsOptions
{
    /// <summary>`action`: list (default), show &lt;job-id&gt;, log &lt;job-id&gt;, or report &lt;job-id&gt;.</summary>
    [Value(0)]
    public IEnumerable<string> Action { get; set; } = [];

    [Option("host", HelpText = "jobs log: only this host's output.")]
    public string? Host { get; set; }

    [Option("follow", HelpText = "jobs log --host H: keep printing the host's output until it finishes.")]
    public bool Follow { get; set; }

    [Option("html", HelpText = "jobs report: write the job's timeline as one self-contained HTML file (0600; - for stdout).")]
    public string? Html { get; set; }

    [Option("output", HelpText = "text (default) or json.")]
    public string? Output { get; set; }

    [Option("output-directory", HelpText = "Where the job store lives (default ~/.cstar).")]
    public string? OutputDirectory { get; set; }
}
