using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Incremental;

/// <summary>
/// What the site index and the generated pages learn from a page's body (not its front matter):
/// the exercise cards it places ("used by" on exercise pages) and the images it shows (the credits
/// page). A body edit that keeps these keeps every other page as it was.
/// </summary>
public sealed record IndexFacts(string Cards, string Images)
{
    /// <summary>
    /// The facts of a rendered page, or null when one of its images has no credit: that is reported
    /// by the site index at the image's line, which a body edit may move.
    /// </summary>
    public static IndexFacts? Of(Document document, SiteInputs inputs)
    {
        var cards = (document.Get<RenderedMarkdown>()?.InlineCards ?? []).Distinct().Order(StringComparer.Ordinal);
        // Compared as written (the credits page and the index read them slightly differently).
        var images = (document.Get<RenderedMarkdown>()?.Links ?? [])
            .Concat(document.Get<RenderedSteps>()?.Links ?? [])
            .Where(l => l.IsImage && l.Href.StartsWith("/images/", StringComparison.Ordinal))
            .Select(l => l.Href)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var files = images.Select(href => Uri.UnescapeDataString(UrlClassifier.SplitPath(href).Path["/images/".Length..]));
        if (files.Any(file => inputs.Catalog.Contains("images/" + file) && !inputs.Credits.ContainsKey(file)))
        {
            return null;
        }

        return new IndexFacts(string.Join('\n', cards), string.Join('\n', images));
    }
}
