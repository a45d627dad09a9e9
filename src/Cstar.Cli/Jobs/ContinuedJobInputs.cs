using System.Text.Json;
using Cstar.Cli.Verbs;
using Cstar.Core.Commands;
using Cstar.Core.Errors;
using Cstar.Core.Jobs;

namespace Cstar.Cli.Jobs;

/// <summary>
/// What <c>cstar continue</c> runs again: the flags stored with the job (with this continue's --stop-after, -v and
/// --output-directory), its definition (the command reloaded with --reload-command), and the command's header.
/// </summary>
internal sealed record ContinuedJobInputs(JobOptions Options, JobDefinition Definition, CommandHeader Header)
{
    public static async Task<ContinuedJobInputs> RestoreAsync(ContinueOptions continueOptions, StoredJob stored, TextWriter stderr)
    {
        var definition = stored.Definition;
        var jobId = definition.JobId;
        var words = JsonSerializer.Deserialize<string[]>(definition.SchedulingPolicy) ?? [];
        JobOptions options;
        try
        {
            options = Arguments.ArgumentParser.Parse<JobOptions>(VerbSyntaxes.StoredJobFlags, words).Options;
        }
        catch (CstarException e)
        {
            throw new CstarException($"The flags stored with job {jobId} no longer parse: {e.Message}", "Start a new job with the same command.");
        }

        options.StopAfter = continueOptions.StopAfter;
        options.Verbose = Math.Max(options.Verbose, continueOptions.Verbose);
        options.OutputDirectory = continueOptions.OutputDirectory;
        JobFlagCheck.Values(options, VerbSyntaxes.StoredJobFlags);
        if (options.HostsVariables is { } file)
        {
            await stderr.WriteLineAsync($"note: --hosts-variables: the values stored with the job are used; {file} is not read again.");
        }

        if (definition.Runner == RunnerKind.Remote && CommandDrift.Changed(definition.Command) is { } current)
        {
            await stderr.WriteLineAsync(CommandDrift.Note(current, continueOptions.ReloadCommand));
            definition = continueOptions.ReloadCommand ? definition with { Command = current } : definition;
        }

        var header = definition.Runner == RunnerKind.Remote && definition.Command.ScriptText is { } text
            ? CommandHeaderParser.Parse(definition.Command.ScriptPath ?? definition.CommandName, definition.CommandName, text)
            : CommandHeader.Empty(definition.CommandName);
        return new ContinuedJobInputs(options, definition, header);
    }
}
