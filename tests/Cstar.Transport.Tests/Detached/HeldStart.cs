using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cstar.Core.Ports;
using Cstar.Transport.Detached;

namespace Cstar.Transport.Tests.Detached;

/// <summary>
/// Holds a run's start at a deterministic point: after its wrapper claimed the run folder (<c>started.lock</c>) and
/// before it writes the pid. The bundle gets one more line, a read from a FIFO the test owns; the wrapper waits there
/// until <see cref="ReleaseAsync"/>.
/// </summary>
internal static class HeldStart
{
    public static byte[] Line(string fifo) => Encoding.UTF8.GetBytes($"read -r x < {ShellQuote.Quote(fifo)}\n");

    public static async Task MakeFifoAsync(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync();
        if (mkfifo.ExitCode != 0)
        {
            throw new IOException($"mkfifo {path} failed");
        }
    }

    /// <summary>Returns once the wrapper reached the hold (it opened the FIFO); disposing the stream (after a line) lets it go on.</summary>
    public static Task<FileStream> HeldAsync(string fifo) =>
        Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)).WaitAsync(TimeSpan.FromSeconds(20));

    /// <summary>
    /// Lets a held wrapper go on, whether it waits at the hold now, comes to it later, or never will: a writer is opened
    /// (read-write, so it never blocks), a plain file with the line replaces the FIFO's name, then the line is written.
    /// </summary>
    public static async Task ReleaseAsync(string fifo)
    {
        await using var writer = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        var plain = fifo + ".plain";
        await File.WriteAllTextAsync(plain, "go\n");
        File.Move(plain, fifo, overwrite: true);
        await writer.WriteAsync(Encoding.UTF8.GetBytes("go\n"));
        await writer.FlushAsync();
    }

    /// <summary>A transport whose run starts (the calls that bring a bundle) hold at <paramref name="fifo"/>.</summary>
    public sealed class Transport(IDetachedRunTransport inner, string fifo) : IDetachedRunTransport
    {
        public Task<CommandResult> RunAsync(string host, IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.RunAsync(host, argv, timeout, cancellationToken);

        public Task<byte[]?> ReadFileAsync(string host, string path, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.ReadFileAsync(host, path, timeout, cancellationToken);

        public Task<int> RunStreamingAsync(string host, IReadOnlyList<string> argv, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.RunStreamingAsync(host, argv, onOutput, timeout, cancellationToken);

        public Task<int> RunStreamingAsync(
            string host, IReadOnlyList<string> argv, ReadOnlyMemory<byte> input, Func<OutputBytes, CancellationToken, ValueTask> onOutput, TimeSpan timeout, CancellationToken cancellationToken)
        {
            byte[] held = [.. input.Span, .. Line(fifo)];
            // The bundle's length is the argv's last word.
            return inner.RunStreamingAsync(host, [.. argv.Take(argv.Count - 1), held.Length.ToString(CultureInfo.InvariantCulture)], held, onOutput, timeout, cancellationToken);
        }
    }
}
