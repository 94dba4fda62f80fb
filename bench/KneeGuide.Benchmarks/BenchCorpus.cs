using System.Diagnostics;
using KneeGuide.Site;

namespace KneeGuide.Benchmarks;

/// <summary>
/// The content the benchmarks work on: a small site made by the same generator as bench/run.sh's
/// corpus (so "a typical article" is a typical corpus article), built once with the repo's theme.
/// Both are kept in bench/work/bdn/ (gitignored) and reused by every benchmark process while the
/// generator is unchanged; BenchmarkDotNet runs each benchmark class in its own process.
/// </summary>
public static class BenchCorpus
{
    /// <summary>160 articles + 10 exercises + 16 mobility pages + home = 187 Markdown pages; with the
    /// generated library, section, tag, credits, search and 404 pages 224 HTML pages (7,369 links).</summary>
    private const string GeneratorArguments = "--articles 160 --exercises 10 --mobility 16 --images 8";

    private static readonly Lazy<string> Root = new(FindRepoRoot);
    private static readonly Lazy<string> Prepared = new(Prepare);

    public static string RepoRoot => Root.Value;

    public static string Theme => Path.Combine(RepoRoot, "theme");

    /// <summary>The generated input folder (site.yml, articles/, exercises/, mobility/, images/).</summary>
    public static string Input => Path.Combine(Prepared.Value, "input");

    /// <summary>The site built from <see cref="Input"/> once, to take produced pages from.</summary>
    public static string BuiltSite => Path.Combine(Prepared.Value, "site");

    public static string Work => Path.Combine(RepoRoot, "bench", "work", "bdn");

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KneeGuide.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the KneeGuide repository (KneeGuide.sln not found above " + AppContext.BaseDirectory + ").");
    }

    private static string Prepare()
    {
        var generator = Environment.GetEnvironmentVariable("KNEEGUIDE_GEN")
            ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "tools", "gen_corpus.py"));
        if (!File.Exists(generator))
        {
            throw new InvalidOperationException($"corpus generator not found at {generator}; set KNEEGUIDE_GEN to gen_corpus.py");
        }

        var dir = Work;
        var stampFile = Path.Combine(dir, ".stamp");
        var stamp = $"{GeneratorArguments} {File.GetLastWriteTimeUtc(generator):O} {new FileInfo(generator).Length}";
        if (File.Exists(stampFile) && File.ReadAllText(stampFile) == stamp && Directory.Exists(Path.Combine(dir, "site")))
        {
            return dir;
        }

        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        Run("python3", $"\"{generator}\" --out \"{Path.Combine(dir, "input")}\" {GeneratorArguments}");
        var result = SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(dir, "input"), Path.Combine(dir, "site"), Path.Combine(RepoRoot, "theme"))).GetAwaiter().GetResult();
        if (!result.Published)
        {
            throw new InvalidOperationException("the generated benchmark site does not build: " + string.Join("\n", result.Diagnostics.Take(10)));
        }

        File.WriteAllText(stampFile, stamp);
        return dir;
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
