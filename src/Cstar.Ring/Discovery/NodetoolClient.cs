using System.Text;
using Cstar.Core.Ports;

namespace Cstar.Ring.Discovery;

/// <summary>
/// Runs nodetool sub-commands on one host through the transport, at most <see cref="DiscoveryOptions.ConcurrentCalls"/>
/// at once (each is a JVM on the seed); turns every failure into <see cref="SeedUnusableException"/>. A large output
/// can be streamed (<see cref="StreamAsync"/>) when the transport can hand it over while it arrives.
/// </summary>
internal sealed class NodetoolClient(ICommandTransport transport, DiscoveryOptions options, string host) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.ConcurrentCalls));

    public string Host => host;

    public void Dispose() => _slots.Dispose();

    public async Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await RunRawAsync(cancellationToken, arguments).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new SeedUnusableException(Describe(arguments, result));
        }

        return result.StandardOutput;
    }

    public Task<CommandResult> RunRawAsync(CancellationToken cancellationToken, params string[] arguments) =>
        InSlotAsync(argv => transport.RunAsync(host, argv, options.CommandTimeout, cancellationToken), arguments, cancellationToken);

    /// <summary>
    /// Runs a command whose output goes to <paramref name="onOutput"/> as it arrives (<see cref="IStreamingCommandTransport"/>),
    /// and returns its exit code. A transport that cannot stream hands the whole output over in one piece.
    /// </summary>
    public async Task<int> StreamAsync(Func<OutputBytes, CancellationToken, ValueTask> onOutput, CancellationToken cancellationToken, params string[] arguments)
    {
        if (transport is IStreamingCommandTransport streaming)
        {
            return await InSlotAsync(argv => streaming.RunStreamingAsync(host, argv, onOutput, options.CommandTimeout, cancellationToken), arguments, cancellationToken).ConfigureAwait(false);
        }

        var result = await RunRawAsync(cancellationToken, arguments).ConfigureAwait(false);
        await onOutput(new OutputBytes(OutputStreamKind.StandardOutput, Encoding.UTF8.GetBytes(result.StandardOutput)), cancellationToken).ConfigureAwait(false);
        await onOutput(new OutputBytes(OutputStreamKind.StandardError, Encoding.UTF8.GetBytes(result.StandardError)), cancellationToken).ConfigureAwait(false);
        return result.ExitCode;
    }

    private async Task<T> InSlotAsync<T>(Func<IReadOnlyList<string>, Task<T>> call, string[] arguments, CancellationToken cancellationToken)
    {
        var argv = options.Nodetool.AddRange(arguments);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call(argv).ConfigureAwait(false);
        }
        catch (TransportException e)
        {
            throw new SeedUnusableException($"{KindText(e.Kind)}: {e.Message}", e);
        }
        finally
        {
            _slots.Release();
        }
    }

    public static string Describe(IReadOnlyList<string> arguments, CommandResult result)
    {
        var output = string.IsNullOrWhiteSpace(result.StandardError) ? result.StandardOutput : result.StandardError;
        var firstLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no output";
        return $"'nodetool {string.Join(' ', arguments)}' exited with {result.ExitCode}: {firstLine}";
    }

    private static string KindText(TransportFailureKind kind) => kind switch
    {
        TransportFailureKind.ConnectionRefused => "connection refused",
        TransportFailureKind.Timeout => "timed out",
        TransportFailureKind.Authentication => "authentication failed",
        TransportFailureKind.HostKeyRejected => "host key rejected",
        TransportFailureKind.Disconnected => "disconnected",
        TransportFailureKind.NameResolution => "name not resolved",
        _ => "transport failure",
    };
}
