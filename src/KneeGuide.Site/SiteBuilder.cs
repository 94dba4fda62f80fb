using KneeGuide.Core;
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
    /// Let the previous output's deletion finish in the background after the build returns (the CLI
    /// exits without waiting; the next build removes what is left). Off by default so a caller that
    /// deletes the folders afterwards (tests, the preview) does not race with it.
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

    /// <summary>Keep the build's documents and services on the result (<see cref="BuildResult.State"/>), for the preview's incremental rebuilds.</summary>
    public bool KeepState { get; init; }
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

    /// <summary>What the build produced, in memory; only when <see cref="BuildOptions.KeepState"/> asked for it.</summary>
    public Incremental.BuildState? State { get; init; }

    /// <summary>
    /// Why nothing was built: the output folder may not be replaced (a usage error, exit code 2), in a
    /// sentence that says what to do instead. Null when the build ran.
    /// </summary>
    public string? Refusal { get; init; }

    public static BuildResult Refused(string why, TimeSpan elapsed) =>
        new([], false, elapsed, null, new Dictionary<string, TimeSpan>(), 0) { Refusal = why };

    /// <summary>The page an incremental preview rebuild re-rendered (input-relative); null for a full build.</summary>
    public string? IncrementalPage { get; init; }
}

/// <summary>
/// One build: read the inputs, run the pipelines, and publish the output atomically only when there
/// is no error. Content mistakes come back as diagnostics, never as exceptions.
/// </summary>
public static class SiteBuilder
{
    public static async Task<BuildResult> BuildAsync(BuildOptions options, Action<string, Phase, TimeSpan>? onPhase = null, CancellationToken cancellationToken = default)
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

        var staging = new OutputStaging(options.Output);
        if ((staging.CheckStagingFolder() ?? staging.Prepare()) is { } cannotStage)
        {
            return BuildResult.Refused(cannotStage, watch.Elapsed);
        }

        // The theme (Fluid's parser is costly to set up) loads on another core while the input
        // folder is scanned; the diagnostic bag takes reports from both.
        var themeDisplay = DisplayPath(options.Theme);
        var loadingTheme = Task.Run(() => ThemeTemplates.Load(options.Theme, themeDisplay, diagnostics), cancellationToken);
        var inputs = SiteInputs.Load(inputRoot, DisplayPath(options.Input), diagnostics);
        var theme = await loadingTheme;
        var review = new ReviewGovernance.ReviewPolicy(options.Today ?? ReviewGovernance.ReviewPolicy.RealToday(), inputs.Config.ReviewIntervalDays, options.Strict);
        var locator = new TemplateLinkLocator(theme, inputs.Config);
        var externalLinks = ExternalLinkOptions(options, inputs, inputRoot);
        var services = new ServiceRegistry()
            .Add(inputs)
            .Add(theme)
            .Add(staging)
            .Add(new MarkdownRenderer(MarkdownPipelineFactory.Create(inputs.Credits), MarkdownPipelineFactory.CreateInline(), inputs.Catalog, diagnostics))
            .Add(new PageRendererFactory(inputs, theme))
            .Add(review)
            .Add(locator);
        var engine = new Engine(SitePipelines.Create(inputs, theme, externalLinks, options.ShowDrafts), services);
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
        if (failed)
        {
            staging.Discard();
        }
        else
        {
            try
            {
                staging.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                staging.Discard();
                return BuildResult.Refused($"the site was built but could not be moved into '{options.Output}': {e.Message.TrimEnd('.')}. The previous output is unchanged", watch.Elapsed);
            }
        }

        if (!options.DeferCleanup)
        {
            await staging.Cleanup;
        }

        var summary = result.Outputs[SitePipelineNames.Validation].Select(d => d.Get<ValidationSummary>()).FirstOrDefault(s => s is not null);
        return new BuildResult(all, !failed, watch.Elapsed, summary, result.PipelineTimings, failed ? 0 : files)
        {
            State = options.KeepState ? new Incremental.BuildState(options, inputs, theme, review, locator, result.Outputs, all, !failed, externalLinks is not null) : null,
        };
    }

    /// <summary>Whether these diagnostics stop a build from being published.</summary>
    public static bool Fails(IEnumerable<Diagnostic> diagnostics, bool strict) =>
        // A review merely "due soon" is advance notice: it never fails a build, not even with --strict.
        diagnostics.Any(d => d.Severity == Severity.Error || (strict && d.Severity == Severity.Warning && d.Code != Diagnostics.ErrorCodes.ReviewDueSoon));

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

        var project = Path.GetDirectoryName(inputRoot.TrimEnd(Path.DirectorySeparatorChar)) ?? inputRoot;
        var external = options.External ?? new ExternalCheckOptions { CacheFile = Path.Combine(project, ".kneeguide", "link-cache.json") };
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
