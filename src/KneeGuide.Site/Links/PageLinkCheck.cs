using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.Links;

/// <summary>A broken theme link as one page showed it; the same fault on other pages is reported once.</summary>
public sealed record TemplateFault(SourceLocation At, string Href, string PageUrl, Diagnostic Fault);

/// <summary>
/// What checking one produced page's links found: its own faults (Markdown and raw HTML links,
/// duplicate ids), the theme faults it showed, and its counts. Kept per page, so that a build can
/// take an unchanged page's result from the cache and combine it with the others' exactly as a full
/// check would.
/// </summary>
public sealed record PageValidation(
    IReadOnlyList<Diagnostic> Faults,
    IReadOnlyList<TemplateFault> TemplateFaults,
    int Links,
    int Anchors,
    IReadOnlyList<LinkReference> ExternalLinks)
{
    /// <summary>
    /// The diagnostics of a whole site from its pages' results. A theme link is the same fault on every
    /// page that shows it, but its message can name the page: the one from the first page in URL order
    /// is kept, so it is reported once and the output is the same on every build.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Combine(IEnumerable<PageValidation> pages)
    {
        var faults = new List<Diagnostic>();
        var template = new Dictionary<(SourceLocation, string), TemplateFault>();
        foreach (var page in pages)
        {
            faults.AddRange(page.Faults);
            foreach (var fault in page.TemplateFaults)
            {
                var key = (fault.At, fault.Href);
                if (!template.TryGetValue(key, out var seen) || string.CompareOrdinal(fault.PageUrl, seen.PageUrl) < 0)
                {
                    template[key] = fault;
                }
            }
        }

        faults.AddRange(template.Values.Select(f => f.Fault));
        return faults;
    }
}

/// <summary>Checks the links of one produced page against the produced site (internal links only; external ones are collected).</summary>
public sealed class PageLinkCheck(ProducedSite site, IReadOnlyList<string> ignore, TemplateLinkLocator locator)
{
    public PageValidation Check(Document document, PageLinks page, ReadSet reads)
    {
        var faults = new List<Diagnostic>();
        var templateFaults = new List<TemplateFault>();
        var external = new List<LinkReference>();
        var links = 0;
        var anchors = 0;
        var pageOptedOut = OptedOut(document);
        if (!pageOptedOut)
        {
            foreach (var (id, at) in page.DuplicateIds)
            {
                faults.Add(Diagnostic.Error(ErrorCodes.DuplicateId, at, $"the id '{id}' appears more than once on {page.Url}; links to it would be ambiguous"));
            }
        }

        foreach (var link in page.Links)
        {
            // Checked before any opt-out: no setting lets a content link run script.
            if (link.Origin != LinkOrigin.Template && UnsafeLinks.Problem(link.Href, link.IsImage) is { } unsafeLink)
            {
                faults.Add(Diagnostic.Error(ErrorCodes.ScriptLink, link.Location, unsafeLink));
                continue;
            }

            // A page's own opt-out covers what its editor wrote; the theme's links are still checked.
            if (link.NoCheck || (pageOptedOut && link.Origin != LinkOrigin.Template) || Ignored(link.Href, ignore))
            {
                continue;
            }

            links++;
            var result = site.Check(page, link.Href, reads);
            if (result.IsExternal)
            {
                external.Add(link);
            }

            if (result.CheckedAnchor)
            {
                anchors++;
            }

            if (result.Problem is not { } problem)
            {
                continue;
            }

            var at = link.Origin == LinkOrigin.Template ? locator.Locate(link.Href, link.Location) : link.Location;
            var fault = Diagnostic.Error(problem.Code, at, problem.Message, problem.Suggestion);
            if (link.Origin == LinkOrigin.Template)
            {
                templateFaults.Add(new TemplateFault(at, link.Href, page.Url, fault));
            }
            else
            {
                faults.Add(fault);
            }
        }

        return new PageValidation(faults, templateFaults, links, anchors, external);
    }

    private static bool OptedOut(Document document) => document.Get<ContentPage>() is { LinkCheck: false };

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
