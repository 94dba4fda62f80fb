using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.Output;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site;

public sealed record BuildOptions(string Input = "input", string Output = "output", string Theme = "theme")
{
    /// <summary>Treat warnings as errors (review dates overdue, unused credits).</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Let folders of earlier versions' builds finish being deleted in the background after the build
    /// returns (the CLI exits without waiting; the next build removes what is left). Off by default
    /// so a caller that deletes the folders afterwards (tests, the preview) does not race with it.
    /// </summary>
    public bool DeferCleanup { get; init; }

    /// <summary>Check external http(s) links (--check-external); site.yml check_external_links also turns it on.</summary>
    public bool CheckExternal { get; init; }

    /// <summary>How external links are checked (cache file, timeouts...); null for the defaults.</summary>
    public ExternalCheckOptions? External { get; init; }

    /// <summary>The date review deadlines are measured from (default: the real date). It changes warnings only, never output.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>
    /// Replace an output folder that holds files KneeGuide did not make (--force). Never lets the
    /// build replace the input or theme folder, a folder holding them, a repository, home or root.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>Publish drafts too, each marked as a draft on its page: the preview (`serve`) does, `build` never.</summary>
    public bool ShowDrafts { get; init; }

    /// <summary>Ignore the build cache and make everything again (--no-cache); the result is saved for the next build.</summary>
    public bool NoCache { get; init; }

    /// <summary>
    /// The output folder is KneeGuide's own and only this process writes it (the preview's): what the
    /// cache records of its files is trusted without looking at each one.
    /// </summary>
    public bool PrivateOutput { get; init; }

    /// <summary>
    /// The preview's local backend for the web editor (`serve`: http://127.0.0.1:PORT/api/v1), written
    /// into /admin/config.yml; null for the published site's editor (GitHub).
    /// </summary>
    public string? CmsLocalBackend { get; init; }

    /// <summary>Where the build cache is kept; null for .kneeguide/cache/ beside the input folder (tests and benchmarks keep theirs apart).</summary>
    public string? CacheFile { get; init; }

    /// <summary>
    /// Told, with the other build's process id, when another build or preview of the same project is
    /// using its cache folder: this build waits for it (the CLI says so).
    /// </summary>
    public Action<int>? WaitingForCache { get; init; }
}

public sealed record BuildResult(
    IReadOnlyList<Diagnostic> Diagnostics,
    bool Published,
    TimeSpan Elapsed,
    ValidationSummary? Validation,
    IReadOnlyDictionary<string, TimeSpan> PipelineTimings,
    int FilesWritten)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);

    /// <summary>
    /// Why nothing was built: the output folder may not be replaced (a usage error, exit code 2), in a
    /// sentence that says what to do instead. Null when the build ran.
    /// </summary>
    public string? Refusal { get; init; }

    /// <summary>Output files already in place or linked from the previous output instead of written.</summary>
    public int FilesReused { get; init; }

    /// <summary>Cached results used, and work done again, in this build.</summary>
    public int CacheHits { get; init; }

    public int CacheMisses { get; init; }

    /// <summary>Why the cache file on disk was not used, when it was not.</summary>
    public string? CacheDiscarded { get; init; }

    public static BuildResult Refused(string why, TimeSpan elapsed) =>
        new([], false, elapsed, null, new Dictionary<string, TimeSpan>(), 0) { Refusal = why };
}

/// <summary>
/// One build: read the inputs, run the pipelines, and publish the output atomically only when there
/// is no error. Content mistakes come back as diagnostics, never as exceptions. The build cache in
/// .kneeguide/ beside the input folder makes a build after a small edit do only the work the edit
/// needs; the output is byte for byte the same as a cold build's.
/// </summary>
public static class SiteBuilder
{
    /// <param name="cache">A cache to use and keep (the preview keeps one in memory between rebuilds); null to load it from disk.</param>
    /// <param name="saveCache">Write the cache to disk at the end (the preview, which keeps it in memory, saves it when it stops).</param>
    public static async Task<BuildResult> BuildAsync(BuildOptions options, Action<string, Phase, TimeSpan>? onPhase = null, CancellationToken cancellationToken = default, BuildCache? cache = null, bool saveCache = true)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        foreach (var (name, folder) in new[] { ("input", options.Input), ("theme", options.Theme) })
        {
            if (string.IsNullOrWhiteSpace(folder) || folder.Contains('\0'))
            {
                return BuildResult.Refused($"the {name} folder is empty or not a path: name it, e.g. --{name} {name}", watch.Elapsed);
            }
        }

        var inputRoot = Path.GetFullPath(options.Input);
        if (!Directory.Exists(inputRoot))
        {
            diagnostics.Add(new Diagnostic(Diagnostics.ErrorCodes.MissingFile, Severity.Error, DisplayPath(options.Input), 0, 0, "the input folder does not exist"));
            return new BuildResult(diagnostics.Sorted(), false, watch.Elapsed, null, new Dictionary<string, TimeSpan>(), 0);
        }

        // Before anything is read or written: a wrong --output must never cost anyone their files.
        if (OutputFolderRules.Check(options.Output, options.Input, options.Theme, options.Force) is { } refusal)
        {
            return BuildResult.Refused(refusal, watch.Elapsed);
        }

        var staging = new OutputStaging(options.Output, privateFolder: options.PrivateOutput);
        if (staging.CheckStagingFolder() is { } inTheWay)
        {
            return BuildResult.Refused(inTheWay, watch.Elapsed);
        }

        // One build at a time per cache folder: another one's sweep of unused photos must not take
        // a file from under this build (a `build` beside a `serve` of the same project).
        using var cacheLock = cache is { File: null }
            ? null
            : await CacheFolderLock.AcquireAsync(Path.GetDirectoryName(cache?.File ?? CacheFilePath(options))!, options.WaitingForCache, cancellationToken);

        // The theme (Fluid's parser is costly to set up) and the cache load on other cores while the
        // input folder is scanned; the diagnostic bag takes reports from all of them.
        var themeDisplay = DisplayPath(options.Theme);
        var inputDisplay = DisplayPath(options.Input);
        var loadingTheme = Task.Run(() => ThemeTemplates.Load(options.Theme, themeDisplay, diagnostics), cancellationToken);
        var loadingCache = cache is not null ? Task.FromResult(cache) : Task.Run(() => OpenCache(options), cancellationToken);
        var inputs = SiteInputs.Load(inputRoot, inputDisplay, diagnostics);
        var theme = await loadingTheme;
        theme.CheckStrings(inputs.Config.AllLanguages, diagnostics);
        cache = await loadingCache;
        if (staging.Prepare(cache) is { } cannotStage)
        {
            return BuildResult.Refused(cannotStage, watch.Elapsed);
        }

        var fingerprints = SourceFingerprints.Compute(inputs.Catalog, cache);
        var media = Media.MediaLibrary.Load(inputs, fingerprints, cache, MediaStore(cache), diagnostics);
        var review = new ReviewGovernance.ReviewPolicy(options.Today ?? ReviewGovernance.ReviewPolicy.RealToday(), inputs.Config.ReviewIntervalDays, options.Strict);
        var locator = new TemplateLinkLocator(theme, inputs.Config);
        var externalLinks = ExternalLinkOptions(options, inputs, inputRoot);
        var facts = new SiteFacts(inputs, theme, staging, media);
        var services = new ServiceRegistry()
            .Add(inputs)
            .Add(theme)
            .Add(staging)
            .Add<IOutputSink>(staging)
            .Add(cache)
            .Add(SiteCodecs.Create())
            .Add(facts)
            .Add<IFactSource>(facts)
            .Add(fingerprints)
            .Add(media)
            .Add(new MarkdownRenderer(MarkdownPipelineFactory.Create(inputs.Credits, media, inputs.VideoCredits), MarkdownPipelineFactory.CreateInline(), inputs.Catalog, facts, media, inputs))
            .Add(new PageRendererFactory(theme, facts))
            .Add(review)
            .Add(locator);
        var cms = new Cms.CmsOptions(
            ProjectFolder(inputRoot),
            Path.GetFileName(inputRoot.TrimEnd(Path.DirectorySeparatorChar)),
            options.CmsLocalBackend,
            options.CmsLocalBackend is { } local ? new Uri(local).GetLeftPart(UriPartial.Authority) + "/" : null);
        var engine = new Engine(SitePipelines.Create(inputs, theme, externalLinks, options.ShowDrafts, cms), services);
        if (onPhase is not null)
        {
            engine.PhaseCompleted += onPhase;
        }

        EngineResult result;
        try
        {
            result = await engine.RunAsync(cancellationToken);
        }
        catch
        {
            staging.Discard();
            throw;
        }

        diagnostics.AddRange(engine.Diagnostics.Sorted());
        var all = diagnostics.Sorted();
        var failed = Fails(all, options.Strict);
        var files = result.Outputs.PipelineNames.Sum(name => result.Outputs[name].Count(d => d.Destination is not null));
        var (hits, misses) = (cache.Hits, cache.Misses);
        if (failed)
        {
            staging.Keep(cache);
        }
        else
        {
            try
            {
                staging.Commit(cache);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                staging.Discard();
                return BuildResult.Refused($"the site was built but could not be moved into '{options.Output}': {e.Message.TrimEnd('.')}. The previous output is unchanged", watch.Elapsed);
            }
        }

        fingerprints.Save(cache);
        media.Save(cache);
        if (!failed && !options.ShowDrafts)
        {
            // Copies of photos no longer published go; the preview (drafts shown) keeps what it finds.
            media.Store.Sweep();
        }

        if (saveCache)
        {
            SaveQuietly(cache);
        }
        else
        {
            cache.Sweep();
        }
        if (!options.DeferCleanup)
        {
            await staging.Cleanup;
        }

        var summary = result.Outputs[SitePipelineNames.Validation].Select(d => d.Get<ValidationSummary>()).FirstOrDefault(s => s is not null);
        return new BuildResult(all, !failed, watch.Elapsed, summary, result.PipelineTimings, failed ? 0 : files)
        {
            FilesReused = failed ? 0 : staging.Reused,
            CacheHits = hits,
            CacheMisses = misses,
            CacheDiscarded = cache.Discarded,
        };
    }

    /// <summary>
    /// The build cache for these options: loaded from .kneeguide/cache/ beside the input folder, or
    /// empty with --no-cache. Its key covers the program's build and whatever changes what a page's
    /// work produces (the folders as shown in messages, drafts shown or not).
    /// </summary>
    /// <param name="keepDocuments">Keep each page's documents in memory too (a preview's cache, kept between rebuilds).</param>
    public static BuildCache OpenCache(BuildOptions options, bool keepDocuments = false)
    {
        var salt = new ContentHash.Builder()
            .Add(typeof(SiteBuilder).Assembly.ManifestModule.ModuleVersionId.ToString())
            .Add(typeof(Engine).Assembly.ManifestModule.ModuleVersionId.ToString())
            .Add(DisplayPath(options.Input))
            .Add(DisplayPath(options.Theme))
            .Add(options.ShowDrafts)
            .Finish();
        var file = CacheFilePath(options);
        var cache = options.NoCache ? BuildCache.Fresh(file, salt) : BuildCache.Load(file, salt);
        cache.KeepsDocuments = keepDocuments;
        return cache;
    }

    /// <summary>The cache file of these options: .kneeguide/cache/ beside the input folder unless a test or benchmark names another.</summary>
    private static string CacheFilePath(BuildOptions options) =>
        options.CacheFile ?? Path.Combine(ProjectFolder(Path.GetFullPath(options.Input)), ".kneeguide", "cache", options.ShowDrafts ? "preview.cache" : "build.cache");

    /// <summary>Encoded photos live beside the cache file (.kneeguide/cache/media/), shared by build and preview.</summary>
    private static Media.DerivativeStore MediaStore(BuildCache cache) =>
        cache.File is { } file ? new Media.DerivativeStore(Path.Combine(Path.GetDirectoryName(file)!, "media")) : Media.DerivativeStore.Temporary();

    /// <summary>A cache that cannot be written costs the next build its speed, never this build its result.</summary>
    public static void SaveQuietly(BuildCache cache)
    {
        try
        {
            cache.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Whether these diagnostics stop a build from being published.</summary>
    public static bool Fails(IEnumerable<Diagnostic> diagnostics, bool strict) =>
        // A review merely "due soon" is advance notice, and a site built where Node.js is missing
        // lacks only its web editor: neither fails a build, not even with --strict.
        diagnostics.Any(d => d.Severity == Severity.Error || (strict && d.Severity == Severity.Warning && d.Code is not (Diagnostics.ErrorCodes.ReviewDueSoon or Diagnostics.ErrorCodes.WebEditorMissing)));

    /// <summary>The folder holding the input folder: where .kneeguide/ lives.</summary>
    public static string ProjectFolder(string inputRoot) =>
        Path.GetDirectoryName(inputRoot.TrimEnd(Path.DirectorySeparatorChar)) ?? inputRoot;

    /// <summary>
    /// The external link check, when the command line or site.yml asks for it. The cache lives next to
    /// the input folder in .kneeguide/ (gitignored); site.yml's link_check_ignore and the site's own
    /// base_url are its skip list.
    /// </summary>
    private static ExternalCheckOptions? ExternalLinkOptions(BuildOptions options, SiteInputs inputs, string inputRoot)
    {
        if (!options.CheckExternal && !inputs.Config.CheckExternalLinks)
        {
            return null;
        }

        var external = options.External ?? new ExternalCheckOptions { CacheFile = Path.Combine(ProjectFolder(inputRoot), ".kneeguide", "link-cache.json") };
        // Links to the site's own base_url (canonical, feed) point at the previous deploy, not at this
        // build: they are not asked about.
        string[] own = inputs.Config.BaseUrl.Length > 0 ? [inputs.Config.BaseUrl] : [];
        return external with { Ignore = [.. external.Ignore, .. inputs.Config.LinkCheckIgnore, .. own] };
    }

    /// <summary>A folder as the user sees it: relative to the current folder when inside it.</summary>
    public static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        return shown.Replace('\\', '/').TrimEnd('/');
    }
}
