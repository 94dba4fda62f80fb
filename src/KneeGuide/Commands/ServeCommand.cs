using System.ComponentModel;
using System.Globalization;
using System.Net;
using KneeGuide.Cli.Preview;
using KneeGuide.Site;
using KneeGuide.Site.Cms;
using Spectre.Console.Cli;

namespace KneeGuide.Cli.Commands;

/// <summary>
/// <c>kneeguide serve</c>: builds into a private preview folder, serves it on 127.0.0.1, rebuilds on
/// every save and reloads the browser; a broken edit shows its errors in the browser and here, while
/// the last good site stays served.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : SiteSettings
    {
        [CommandOption("-p|--port <PORT>")]
        [Description("Port on 127.0.0.1 to serve the preview on (default: 5080).")]
        [DefaultValue(5080)]
        public int Port { get; init; } = 5080;

        public override Spectre.Console.ValidationResult Validate() =>
            Port is > 0 and < 65536 ? Spectre.Console.ValidationResult.Success() : Spectre.Console.ValidationResult.Error("--port must be between 1 and 65535");
    }

    /// <summary>The private preview folder: next to the input folder, in .kneeguide/ (ignored by git).</summary>
    public static string PreviewFolder(string input) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar))!, ".kneeguide", "preview");

    /// <summary>
    /// How the preview builds: into its private folder, with drafts shown (marked as drafts). That
    /// folder lives in .kneeguide/, the folder KneeGuide keeps for itself, so a preview left there by
    /// an earlier version (before output folders were marked) is replaced too.
    /// The web editor at /admin/ saves through this preview's own local backend, on its port.
    /// </summary>
    internal static BuildOptions PreviewOptions(SiteSettings settings, int port = 5080) =>
        new(settings.Input, PreviewFolder(settings.Input), settings.Theme)
        {
            Force = true,
            ShowDrafts = true,
            PrivateOutput = true,
            CmsLocalBackend = $"http://127.0.0.1:{port}{LocalBackend.Address}",
            WaitingForCache = BuildCommand.WaitingForCache,
        };

    /// <summary>The web editor's local backend for a site: reads and writes only what the generated config names, under the input folder.</summary>
    internal static LocalBackend Backend(string input)
    {
        var root = Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar);
        return new LocalBackend(new ContentPathGuard(SiteBuilder.ProjectFolder(root), CmsConfig.Layout(Path.GetFileName(root))));
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var site = new PreviewSite(PreviewOptions(settings, settings.Port));
        var shown = new Reporting.RebuildDiagnostics();
        site.Built += result => Report(result, shown);
        if ((await site.RebuildAsync(stop.Token)).Refusal is { } refusal)
        {
            Console.Error.WriteLine($"kneeguide serve: {refusal}.");
            return Program.UsageOrInternalError;
        }

        await using var server = new PreviewServer(site, settings.Port, Backend(settings.Input));
        try
        {
            server.Start();
        }
        catch (HttpListenerException e)
        {
            Console.Error.WriteLine($"kneeguide serve: cannot listen on {server.Url}: {e.Message} (is another preview running? try --port {settings.Port + 1})");
            return Program.UsageOrInternalError;
        }

        Console.Out.WriteLine($"Previewing at {server.Url} (this computer only). Watching {SiteBuilder.DisplayPath(settings.Input)}/ and {SiteBuilder.DisplayPath(settings.Theme)}/; press Ctrl+C to stop.");
        if (File.Exists(Path.Combine(site.Root, GenerateCmsFiles.Folder, "index.html")))
        {
            Console.Out.WriteLine($"Web editor at {server.Url}{GenerateCmsFiles.Folder}/: what you save there is written to {SiteBuilder.DisplayPath(settings.Input)}/ and previewed here.");
        }

        using var watcher = new SourceWatcher([settings.Input, settings.Theme]);
        try
        {
            await watcher.RunAsync(
                async changed =>
                {
                    Console.Out.WriteLine($"changed: {string.Join(", ", changed.Take(3).Select(SiteBuilder.DisplayPath))}{(changed.Count > 3 ? $" and {changed.Count - 3} more" : "")}");
                    await site.RebuildAsync(changed, stop.Token);
                },
                stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await site.WaitIdleAsync(CancellationToken.None);
        site.SaveCache();
        return Program.Success;
    }

    private static void Report(BuildResult result, Reporting.RebuildDiagnostics shown)
    {
        if (result.Refusal is not null)
        {
            return;
        }

        var ms = result.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var (print, unchanged) = shown.Next(result.Diagnostics);
        foreach (var d in print)
        {
            Console.Error.WriteLine(d.ToString());
        }

        // Say how much was redone, so an editor can see why one save took longer than another.
        var redone = $"{Reporting.Counted.Of(result.CacheMisses, "step")} redone, {result.CacheHits} reused";
        Console.Out.WriteLine(result.Published
            ? $"[{DateTime.Now:HH:mm:ss}] built in {ms} ms ({redone}): {Reporting.Counted.Of(result.FilesWritten - result.FilesReused, "file")} changed, {Reporting.Counted.Of(result.WarningCount, "warning")}{(unchanged > 0 ? $" ({unchanged} as before, not shown again)" : "")}; browser reloading."
            : $"[{DateTime.Now:HH:mm:ss}] build failed in {ms} ms: {Reporting.Counted.Of(result.ErrorCount, "error")} (shown in the browser too); still serving the last good site.");
    }
}
