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
        var check = new PageLinkCheck(site, ignore, context.GetService<TemplateLinkLocator>());
        var pages = documents.Select(d => (Doc: d, Links: d.Get<PageLinks>())).Where(p => p.Links is not null).ToList();
        var results = new PageValidation[pages.Count];
        Parallel.For(0, pages.Count, i => results[i] = check.Check(pages[i].Doc, pages[i].Links!));

        context.Diagnostics.AddRange(PageValidation.Combine(results));
        var externalLinks = results.SelectMany(r => r.ExternalLinks);
        var (checkedUrls, fromCache) = external is null ? (0, 0) : await CheckExternalAsync(externalLinks, context.Diagnostics, context.CancellationToken);
        var summary = new ValidationSummary(pages.Count, results.Sum(r => r.Links), results.Sum(r => r.Anchors), results.Sum(r => r.ExternalLinks.Count), checkedUrls, fromCache);
        // Two pages at one address (already an error) keep the later one's result, as ProducedSite keeps its links.
        var perPage = new Dictionary<string, PageValidation>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            perPage["/" + pages[i].Doc.Destination] = results[i];
        }

        return [new Document(null, null).With(summary).With(new SiteValidation(perPage))];
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
}
