using KneeGuide.Core;
using KneeGuide.Core.Caching;
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
/// written (Markdown line and column, or the template file), however many pages show it. A page's
/// check is cached with the facts it read (what each of its addresses resolved to, the ids it
/// needed), so an unchanged page whose targets are unchanged is not checked again. A page with a
/// fault is always checked afresh (its message may name any file of the site).
/// </summary>
public sealed class ValidateLinks(string[] pipelines, ExternalCheckOptions? external = null) : IModule
{
    private const int Version = 1;

    public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        var documents = pipelines.SelectMany(p => context.Outputs[p]).Where(d => d.Destination is not null).ToList();
        var index = context.Outputs[SitePipelineNames.SiteIndex][0].Require<SiteIndex>();
        var ignore = context.GetService<SiteInputs>().Config.LinkCheckIgnore;
        var cache = context.GetService<BuildCache>();
        var codecs = context.GetService<FacetCodecs>();
        var site = new ProducedSite(documents, index);
        var check = new PageLinkCheck(site, ignore, context.GetService<TemplateLinkLocator>());
        var pages = documents.Where(d => d.Has<PageLinks>()).ToList();
        var settings = new ContentHash.Builder().Add(Version).AddAll(ignore).Finish();
        var results = new PageValidation[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            var doc = pages[i];
            var key = ContentHash.Of("validate", doc.Destination);
            var input = Input(doc, settings, codecs);
            if (cache.Find(key, input, site) is { } entry && Decode(entry.Payload) is { } cached)
            {
                results[i] = cached;
                return;
            }

            var reads = new ReadSet();
            var result = check.Check(doc, doc.Require<PageLinks>(), reads);
            results[i] = result;
            if (result.Faults.Count == 0 && result.TemplateFaults.Count == 0)
            {
                cache.Store(key, new CacheEntry(input, reads.Snapshot(), Encode(result)));
            }
            else
            {
                cache.Forget(key);
            }
        });

        context.Diagnostics.AddRange(PageValidation.Combine(results));
        var externalLinks = results.SelectMany(r => r.ExternalLinks);
        var (checkedUrls, fromCache) = external is null ? (0, 0) : await CheckExternalAsync(externalLinks, context.Diagnostics, context.CancellationToken);
        var summary = new ValidationSummary(pages.Count, results.Sum(r => r.Links), results.Sum(r => r.Anchors), results.Sum(r => r.ExternalLinks.Count), checkedUrls, fromCache);
        return [new Document(null, null).With(summary)];
    }

    /// <summary>A page's check depends on its links and ids, and on its own opt-out (link_check: false).</summary>
    private static UInt128 Input(Document doc, UInt128 settings, FacetCodecs codecs)
    {
        var hash = new ContentHash.Builder().Add(settings).Add(doc.Destination);
        hash.Add(doc.Get<FacetHashes>()?.Of<PageLinks>() ?? ContentHash.Of(codecs.Encode(typeof(PageLinks), doc.Require<PageLinks>())));
        hash.Add(doc.Get<ContentPage>() is { LinkCheck: false });
        return hash.Finish();
    }

    private static byte[] Encode(PageValidation result)
    {
        var writer = new CacheWriter();
        writer.WriteInt(result.Links);
        writer.WriteInt(result.Anchors);
        writer.WriteList(result.ExternalLinks, static (w, l) =>
        {
            w.WriteLocation(l.Location);
            w.WriteString(l.Href);
            w.WriteInt((int)l.Origin);
            w.WriteBool(l.IsImage);
        });
        return writer.ToArray();
    }

    private static PageValidation? Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            var reader = new CacheReader(payload);
            var links = reader.ReadInt();
            var anchors = reader.ReadInt();
            var external = reader.ReadList(static r => new LinkReference(r.ReadLocation(), r.ReadRequiredString(), (LinkOrigin)r.ReadInt(), r.ReadBool()));
            return new PageValidation([], [], links, anchors, external);
        }
        catch (CacheFormatException)
        {
            return null;
        }
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
