using BenchmarkDotNet.Running;

namespace KneeGuide.Benchmarks;

public static class Program
{
    /// <summary>
    /// BenchmarkDotNet's own command line: --filter '*' for everything, --job short for a quick check,
    /// --list flat to see the names. Without --filter it asks which benchmark to run.
    /// </summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
