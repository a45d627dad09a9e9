using Cstar.Benchmarks;

var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.WriteLine("usage: dotnet run -c Release --project benchmarks/Cstar.Benchmarks -- <name> [args]");
    foreach (var b in benchmarks)
    {
        Console.WriteLine($"  {b.Name,-20} {b.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

return await chosen.RunAsync(args[1..]);
