using KneeGuide.Core;

namespace KneeGuide.Site.Links;

/// <summary>Where a link on a produced page came from: the editor's Markdown, raw HTML, or the theme.</summary>
public enum LinkOrigin
{
    Markdown,
    RawHtml,
    Template,
}

/// <summary>
/// One href/src/srcset on a produced page, with the place it was written. <see cref="Href"/> is the
/// value as published (Markdown links to .md files already rewritten to page URLs).
/// </summary>
public sealed record LinkReference(SourceLocation Location, string Href, LinkOrigin Origin, bool IsImage)
{
    /// <summary>
    /// The editor opted this link out of checking: <c>data-kg-nocheck</c> on a raw HTML element, or the
    /// title "nocheck" on a Markdown link.
    /// </summary>
    public bool NoCheck { get; init; }
}

/// <summary>The links and element ids of one produced HTML page, collected while rendering it.</summary>
public sealed class PageLinks
{
    public PageLinks(string url, IReadOnlyList<LinkReference> links, IReadOnlyCollection<string> ids, IReadOnlyList<(string Id, SourceLocation At)> duplicateIds, IReadOnlyList<string>? contentIds = null)
    {
        Url = url;
        Links = links;
        Ids = ids;
        DuplicateIds = duplicateIds;
        ContentIds = contentIds ?? [];
    }

    /// <summary>The page's own URL (/articles/x/), against which relative links resolve.</summary>
    public string Url { get; }

    public IReadOnlyList<LinkReference> Links { get; }

    public IReadOnlyCollection<string> Ids { get; }

    public IReadOnlyList<(string Id, SourceLocation At)> DuplicateIds { get; }

    /// <summary>The ids the editor made (headings, footnotes, raw HTML), in page order: what a broken anchor most likely meant.</summary>
    public IReadOnlyList<string> ContentIds { get; }
}
