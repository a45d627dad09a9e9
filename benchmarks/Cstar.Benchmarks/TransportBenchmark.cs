using System.Diagnostics;
using Cstar.TestKit.Ssh;
using Cstar.Transport;
using Cstar.Transport.Execution;
using Cstar.Transport.Local;
using Cstar.Transport.OpenSsh;
using Cstar.Transport.SshNet;

namespace Cstar.Benchmarks;

/// <summary>
/// Connect time and per-command latency of the three transports against a local test sshd (127.0.0.2xx):
/// SSH.NET (pooled connection), OpenSSH (ControlMaster), local processes. Args: [commands per transport].
/// </summary>
internal sealed class TransportBenchmark : IBenchmark
{
    public string Name => "transport";

    public string Description => "connect time and per-command latency: SSH.NET vs OpenSSH ControlMaster vs local";

    public async Task<int> RunAsync(string[] args)
    {
        var commands = args.Length > 0 ? int.Parse(args[0]) : 200;
        await using var server = await TestSshServer.StartAsync();
        var options = new SshOptions { Port = server.Port, Username = "root", IdentityFile = server.ClientKey(), KnownHostsFile = server.KnownHostsFile };
        Console.WriteLine($"sshd {server.Address}:{server.Port}, {commands} sequential commands per transport, then 20 concurrent");
        Console.WriteLine($"{"transport",-10} {"connect+1st (ms)",17} {"median (ms)",12} {"p90 (ms)",9} {"20 concurrent (ms)",19}");
        await MeasureAsync("ssh.net", new SshNetTransport(options), server.Address, commands);
        await MeasureAsync("openssh", new OpenSshTransport(options), server.Address, commands);
        await MeasureAsync("local", new LocalTransport(), "localhost", commands);
        return 0;
    }

    private static async Task MeasureAsync(string name, CommandTransportBase transport, string host, int commands)
    {
        await using (transport)
        {
            var timeout = TimeSpan.FromSeconds(30);
            var clock = Stopwatch.StartNew();
            await transport.RunAsync(host, ["true"], timeout, CancellationToken.None);
            var first = clock.Elapsed.TotalMilliseconds;
            var samples = new List<double>(commands);
            for (var i = 0; i < commands; i++)
            {
                clock.Restart();
                var result = await transport.RunAsync(host, ["echo", "x"], timeout, CancellationToken.None);
                samples.Add(clock.Elapsed.TotalMilliseconds);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{name}: exit {result.ExitCode}");
                }
            }

            clock.Restart();
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => transport.RunAsync(host, ["echo", "x"], timeout, CancellationToken.None)));
            var concurrent = clock.Elapsed.TotalMilliseconds;
            samples.Sort();
            Console.WriteLine($"{name,-10} {first,17:0.0} {samples[samples.Count / 2],12:0.00} {samples[(int)(samples.Count * 0.9)],9:0.00} {concurrent,19:0.0}");
        }
    }
}
