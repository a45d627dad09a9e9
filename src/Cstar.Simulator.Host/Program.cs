using Cstar.Core.Errors;
using Cstar.Simulator.Host.Cli;

try
{
    if (args.Length > 0 && args[0] == "nodetool")
    {
        return await ControlCommands.NodetoolAsync(args);
    }

    if (args.Length == 0 || args[0] is "help" or "--help" or "-h" || args.Contains("--help") || args.Contains("-h"))
    {
        return Help(args.Length == 0 ? 2 : 0);
    }

    var parsed = new CliArguments(args);
    return (args.Length > 0 ? args[0] : "help") switch
    {
        "up" => await UpCommand.RunAsync(parsed, args),
        "daemon" => await DaemonCommand.RunAsync(parsed),
        "down" => await DownCommand.RunAsync(parsed),
        "status" => await ControlCommands.StatusAsync(parsed),
        "ctl" => await ControlCommands.CtlAsync(parsed),
        _ => Help(2),
    };
}
catch (CstarException e)
{
    Console.Error.WriteLine($"cstar-sim: {e.Message}");
    if (e.Hint is not null)
    {
        Console.Error.WriteLine(e.Hint);
    }

    return (int)e.ExitCode;
}

static int Help(int exitCode)
{
    (exitCode == 0 ? Console.Out : Console.Error).WriteLine(Usage.Text);
    return exitCode;
}
