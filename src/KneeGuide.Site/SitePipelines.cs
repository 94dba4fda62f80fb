using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Links;
using KneeGuide.Site.Output;
using KneeGuide.Site.Search;
using KneeGuide.Site.SiteFiles;
using KneeGuide.Site.Templates;
using Names = KneeGuide.Site.SitePipelineNames;

namespace KneeGuide.Site;

/// <summary>
/// The one place where the site's pipelines are wired together. The per-page work runs in cached
/// chains (<see cref="CacheDocuments"/>): a page's parsing and rendering in the Process phase, its
/// layout and writing in PostProcess; whatever depends on the whole site (the site index, search
/// index, sitemap, link validation) is recomputed from those results on every build.
/// </summary>
public static class SitePipelines
{
    /// <param name="showDrafts">The preview: drafts are published, marked as drafts.</param>
    /// <param name="cms">Where the web editor's bundle is and which backend it uses; null for a build without /admin/.</param>
    public static IReadOnlyList<Pipeline> Create(SiteInputs inputs, ThemeTemplates theme, ExternalCheckOptions? externalLinks = null, bool showDrafts = false, Cms.CmsOptions? cms = null)
    {
        var catalog = inputs.Catalog;
        var terms = new StringPool();
        var pipelines = new List<Pipeline>
        {
            ContentPipeline(Names.Articles, inputs, terms, showDrafts, ContentKind.Article),
            ContentPipeline(Names.Mobility, inputs, terms, showDrafts, ContentKind.Mobility),
            ContentPipeline(Names.Exercises, inputs, terms, showDrafts, ContentKind.Exercise),
            ContentPipeline(Names.Pages, inputs, terms, showDrafts, ContentKind.Home, ContentKind.Page),
        };

        var index = new Pipeline(Names.SiteIndex).DependsOn(Names.Content);
        index.ProcessModules.Add(new BuildSiteIndex(inputs, Names.Content));
        pipelines.Add(index);

        var generated = new Pipeline(Names.GeneratedPages).DependsOn(Names.SiteIndex);
        generated.PostProcessModules.Add(new GeneratePages());
        generated.PostProcessModules.Add(new CacheDocuments("generated-page", new RenderGeneratedPage(), new WriteFiles()));
        pipelines.Add(generated);

        var siteFiles = new Pipeline(Names.SiteFiles).DependsOn(Names.SiteIndex);
        siteFiles.PostProcessModules.Add(new CacheAggregate("site-files", WholeSiteInputs.SiteFiles, new GenerateSiteFiles(inputs)));
        siteFiles.OutputModules.Add(new WriteFiles());
        pipelines.Add(siteFiles);

        var search = new Pipeline(Names.SearchIndex).DependsOn(Names.SiteIndex);
        search.PostProcessModules.Add(new GenerateSearchIndex(terms));
        search.OutputModules.Add(new WriteFiles());
        pipelines.Add(search);

        // Images and clips: photos as resized copies without metadata (encoded once, kept in
        // .kneeguide/cache/media/), drawings and clips as they are.
        var media = new Pipeline(Names.Images);
        media.ProcessModules.Add(new Media.PublishMedia());
        media.OutputModules.Add(new WriteFiles());
        pipelines.Add(media);
        pipelines.Add(CopyPipeline(Names.StaticFiles, context => InputFiles(catalog, ContentKind.StaticFile, context)));
        var themeAssets = CopyPipeline(Names.ThemeAssets, _ => ThemeAssetFiles(theme.Root));
        themeAssets.ProcessModules.Add(new Templates.ShipScripts());
        pipelines.Add(themeAssets);
        if (cms is not null)
        {
            // /admin/: the page, its config generated from the front matter models (offering the
            // values pages already use), and the CMS bundle copied from node_modules.
            var editor = new Pipeline(Names.WebEditor).DependsOn(Names.Content);
            editor.ProcessModules.Add(new Cms.GenerateCmsFiles(inputs, cms, Names.Content));
            editor.OutputModules.Add(new WriteFiles());
            pipelines.Add(editor);
        }

        var validation = new Pipeline(Names.Validation);
        validation.OutputModules.Add(new CheckOutputPaths(pipelines.Select(p => p.Name).ToArray()));
        validation.OutputModules.Add(new ValidateLinks(pipelines.Select(p => p.Name).ToArray(), externalLinks));
        validation.OutputModules.Add(new Media.CheckImageUse(Names.Content));
        pipelines.Add(validation);
        return pipelines;
    }

    private static Pipeline ContentPipeline(string name, SiteInputs inputs, StringPool terms, bool showDrafts, params ContentKind[] kinds)
    {
        var catalog = inputs.Catalog;
        var pipeline = new Pipeline(name);
        pipeline.InputModules.Add(new ReadContent(catalog, kinds));
        pipeline.ProcessModules.Add(new CacheDocuments("content", new ParseFrontMatter(catalog, showDrafts), new Markdown.RenderMarkdown(), new Readability.CheckReadability(inputs), new CollectSearchEntry(terms)));
        // Review dates are measured against today, so they are worked out on every build, from the
        // page's facts alone.
        pipeline.ProcessModules.Add(new ReviewGovernance.CheckReviewDates());
        // Written as soon as rendered (one pass per page) and released: the pages' HTML never sits in
        // memory all at once. The Output phase then has nothing left to write.
        pipeline.PostProcessModules.Add(new CacheDocuments("page", new RenderPages(), new WriteFiles()));
        return pipeline;
    }

    private static Pipeline CopyPipeline(string name, Func<IExecutionContext, IEnumerable<(string, string, string, UInt128?)>> files)
    {
        var pipeline = new Pipeline(name);
        pipeline.InputModules.Add(new ReadFiles(files));
        pipeline.OutputModules.Add(new WriteFiles());
        return pipeline;
    }

    /// <summary>Input files of a kind, each with the content hash taken when the input was scanned.</summary>
    private static IEnumerable<(string, string, string, UInt128?)> InputFiles(SourceCatalog catalog, ContentKind kind, IExecutionContext context)
    {
        var fingerprints = context.GetService<SourceFingerprints>();
        return catalog.FilesOf(kind).Select(f => (f, catalog.AbsolutePath(f), f, fingerprints.Of(f)));
    }

    /// <summary>theme/assets/** is published under /assets/ (symbolic links leading out of the theme are skipped).</summary>
    private static IEnumerable<(string, string, string, UInt128?)> ThemeAssetFiles(string themeRoot)
    {
        var assets = Path.Combine(themeRoot, "assets");
        if (!Directory.Exists(assets))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is not null || info.Name.StartsWith('.'))
            {
                continue;
            }

            var relative = "assets/" + Path.GetRelativePath(assets, file).Replace('\\', '/');
            yield return ("theme/" + relative, file, relative, null);
        }
    }
}
