using BenchmarkDotNet.Attributes;
using KneeGuide.Site;

namespace KneeGuide.Benchmarks;

/// <summary>
/// A whole build of the generated 224-page site, in process and JIT-warm (what `serve` pays per
/// rebuild; a cold `kneeguide build` adds start-up, see bench/run.sh): read, parse, render, generate
/// pages, validate every link and anchor, write and publish atomically.
/// </summary>
[MemoryDiagnoser]
public class SiteBuildBenchmarks
{
    private string _output = "";

    [GlobalSetup]
    public void Setup()
    {
        _ = BenchCorpus.Input;
        _output = Path.Combine(BenchCorpus.Work, "build-" + Environment.ProcessId);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Benchmark]
    public async Task<int> BuildSite()
    {
        var result = await SiteBuilder.BuildAsync(new BuildOptions(BenchCorpus.Input, _output, BenchCorpus.Theme));
        return result.Published ? result.FilesWritten : throw new InvalidOperationException("the benchmark site failed to build: " + string.Join("\n", result.Diagnostics.Take(5)));
    }
}
