using System.Collections.Concurrent;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.Links;

/// <summary>
/// Counts for the build summary. <see cref="ExternalLinks"/> counts external links on the pages;
/// <see cref="ExternalUrlsChecked"/> the distinct URLs asked about (0 when external checking is off),
/// <see cref="ExternalFromCache"/> those answered from the cache.
/// </summary>
public sealed record ValidationSummary(int Pages, int Links, int Anchors, int ExternalLinks, int ExternalUrlsChecked = 0, int ExternalFromCache = 0);

/// <summary>
/// Output phase of the Validation pipeline: checks every link of every produced page against the
/// files the build actually produces and the ids actually present in each page, and (when asked)
/// every external link against its server. Each fault is reported once, at the place it was
/// written (Markdown line and column, or the template file), however many pages show it.
/// </summary>
public sealed class ValidateLinks(string[] pipelines, ExternalCheckOptions? external = null) : IModule
{
    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        var documents = pipelines.SelectMany(p => context.Outputs[p]).Where(d => d.Destination is not null).ToList();
        var index = context.Outputs[SitePipelineNames.SiteIndex][0].Require<SiteIndex>();
        var ignore = context.GetService<SiteInputs>().Config.LinkCheckIgnore;
        var site = new ProducedSite(documents, index);
        var diagnostics = context.Diagnostics;
        var locator = context.GetService<TemplateLinkLocator>();
        var pages = documents.Select(d => (Doc: d, Links: d.Get<PageLinks>())).Where(p => p.Links is not null).ToList();
        var linkCount = 0;
        var anchorCount = 0;
        var externalCount = 0;
        var externalLinks = new ConcurrentBag<LinkReference>();

        // A template link is the same fault on every page that shows it, but its message can name the
        // page (a relative link, an anchor): keep the one from the first page in URL order, so it is
        // reported once and the output is the same on every build.
        var templateFaults = new ConcurrentDictionary<(SourceLocation, string), (string Page, Diagnostic Fault)>();
        Parallel.ForEach(pages, entry =>
        {
            var page = entry.Links!;
            var pageOptedOut = page.SkipValidation || OptedOut(entry.Doc);
            if (!pageOptedOut)
            {
                foreach (var (id, at) in page.DuplicateIds)
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.DuplicateId, at, $"the id '{id}' appears more than once on {page.Url}; links to it would be ambiguous"));
                }
            }

            foreach (var link in page.Links)
            {
                // A page's own opt-out covers what its editor wrote; the theme's links are still checked.
                if (link.NoCheck || (pageOptedOut && link.Origin != LinkOrigin.Template) || Ignored(link.Href, ignore))
                {
                    continue;
                }

                Interlocked.Increment(ref linkCount);
                var result = site.Check(page, link.Href);
                if (result.IsExternal)
                {
                    Interlocked.Increment(ref externalCount);
                    externalLinks.Add(link);
                }

                if (result.CheckedAnchor)
                {
                    Interlocked.Increment(ref anchorCount);
                }

                if (result.Problem is not { } problem)
                {
                    continue;
                }

                var at = link.Origin == LinkOrigin.Template ? locator.Locate(link.Href, link.Location) : link.Location;
                var fault = Diagnostic.Error(problem.Code, at, problem.Message, problem.Suggestion);
                if (link.Origin == LinkOrigin.Template)
                {
                    templateFaults.AddOrUpdate(
                        (at, link.Href),
                        (page.Url, fault),
                        (_, seen) => string.CompareOrdinal(page.Url, seen.Page) < 0 ? (page.Url, fault) : seen);
                }
                else
                {
                    diagnostics.Add(fault);
                }
            }
        });

        diagnostics.AddRange(templateFaults.Values.Select(v => v.Fault));
        var (checkedUrls, fromCache) = external is null ? (0, 0) : await CheckExternalAsync(externalLinks, diagnostics, context.CancellationToken);
        var summary = new ValidationSummary(pages.Count, linkCount, anchorCount, externalCount, checkedUrls, fromCache);
        return [new Document(null, null).With(summary)];
    }

    /// <summary>
    /// Asks each distinct external URL once; a failure is reported at every distinct place it was
    /// written (the bag keeps one per file, line and column).
    /// </summary>
    private async Task<(int Checked, int FromCache)> CheckExternalAsync(IEnumerable<LinkReference> links, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var byUrl = links
            .Select(l => (Link: l, Url: l.Href.StartsWith("//", StringComparison.Ordinal) ? "https:" + l.Href : l.Href))
            .GroupBy(l => l.Url, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Link.Location).Distinct().ToList(), StringComparer.Ordinal);
        var checker = new ExternalLinkChecker(external!);
        var results = await checker.CheckAsync(byUrl.Keys, cancellationToken);
        foreach (var result in results.Values.Where(r => !r.Ok))
        {
            foreach (var at in byUrl[result.Url])
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.ExternalLinkBroken, at, $"external link '{result.Url}' failed: {result.Detail}; fix or remove it, or list it under link_check_ignore in site.yml"));
            }
        }

        return (results.Values.Count(r => r.Detail != "ignored"), results.Values.Count(r => r.FromCache));
    }

    private static bool OptedOut(Document document) =>
        document.Get<ArticleFrontMatter>() is { LinkCheck: false } || document.Get<PageFrontMatter>() is { LinkCheck: false };

    private static bool Ignored(string href, IReadOnlyList<string> ignore)
    {
        foreach (var prefix in ignore)
        {
            if (prefix.Length > 0 && href.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
