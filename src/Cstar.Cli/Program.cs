using Cstar.Cli;

// An exception on a thread of its own (a timer, a library's background loop) ends the process whatever we do:
// make that end the documented one (one line, exit 70) instead of the runtime's stack trace and abort (134).
AppDomain.CurrentDomain.UnhandledException += (_, e) => CliApplication.ReportUnhandled(e.ExceptionObject);
return await CliApplication.RunAsync(args, CliFlavorDetector.FromProcessPath(Environment.ProcessPath));
