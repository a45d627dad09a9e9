using Cstar.Cli;

return await CliApplication.RunAsync(args, CliFlavor.Cstarpar);
