using System.Globalization;
using KneeGuide.Core;
using KneeGuide.Site;
using Spectre.Console;

namespace KneeGuide.Cli.Reporting;

/// <summary>
/// Shows a build's progress from the engine's phase events: a live Spectre display on an interactive
/// terminal (drawn on standard error, so standard output stays clean for --format json), or one plain
/// line per finished phase when output is redirected or CI=true.
/// </summary>
public static class BuildProgress
{
    private static readonly Phase[] Phases = [Phase.Input, Phase.Process, Phase.PostProcess, Phase.Output];

    public static bool IsInteractive =>
        !Console.IsErrorRedirected && !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <param name="plainLines">Write plain progress lines to standard output when not interactive (text format only).</param>
    public static async Task<BuildResult> RunAsync(BuildOptions options, bool plainLines, CancellationToken cancellationToken)
    {
        if (IsInteractive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            return await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Building", maxValue: Phases.Length);
                    var done = new HashSet<Phase>();
                    return await SiteBuilder.BuildAsync(options, (pipeline, phase, _) =>
                    {
                        lock (done)
                        {
                            // A later phase starting means every earlier one has finished.
                            foreach (var p in Phases.Where(p => p < phase))
                            {
                                done.Add(p);
                            }

                            task.Value = done.Count;
                            task.Description = Markup.Escape($"{phase}: {pipeline}");
                        }
                    }, cancellationToken);
                });
        }

        if (!plainLines)
        {
            return await SiteBuilder.BuildAsync(options, cancellationToken: cancellationToken);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var current = (Phase?)null;
        var gate = new object();
        var result = await SiteBuilder.BuildAsync(options, (_, phase, _) =>
        {
            lock (gate)
            {
                if (current is { } previous && phase > previous)
                {
                    Console.Out.WriteLine($"  {previous} phase done ({Ms(watch.Elapsed)})");
                }

                if (current is null || phase > current)
                {
                    current = phase;
                }
            }
        }, cancellationToken);
        if (current is { } last)
        {
            Console.Out.WriteLine($"  {last} phase done ({Ms(watch.Elapsed)})");
        }

        return result;
    }

    /// <summary>Time spent in each pipeline (all phases), slowest first.</summary>
    public static void WriteTimings(BuildResult result)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Pipeline").AddColumn(new TableColumn("Time").RightAligned());
        foreach (var (name, time) in result.PipelineTimings.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), Ms(time));
        }

        table.AddRow("[bold]build (wall clock)[/]", $"[bold]{Ms(result.Elapsed)}[/]");
        AnsiConsole.Write(table);
        Console.Out.WriteLine($"cache: {result.CacheHits} results reused, {result.CacheMisses} made again{(result.CacheDiscarded is { } why ? $" (the cache on disk was not used: {why})" : "")}; files: {result.FilesWritten - result.FilesReused} written, {result.FilesReused} already in place");
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
