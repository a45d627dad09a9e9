using Cstar.Cli;

return await CliApplication.RunAsync(args, CliFlavorDetector.FromProcessPath(Environment.ProcessPath));
