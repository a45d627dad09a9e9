using Cstar.Simulator.Host.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cstar.Simulator.Host.Cli;

/// <summary>
/// `cstar-sim daemon <hosts> [options]`: runs the cluster in the foreground, as a Generic Host, until `down`,
/// SIGTERM or SIGINT; shutdown waits for the cluster to be torn down.
/// </summary>
internal static class DaemonCommand
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(CliArguments args)
    {
        var options = args.ClusterOptions(UpCommand.HostCount(args));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(args.RingFactory);
        builder.Services.AddHostedService<SimulatorDaemonService>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        using var host = builder.Build();
        await host.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
