namespace Cstar.Benchmarks;

/// <summary>One benchmark, found by reflection; each lives in its own file and prints its own figures.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args);
}
