using System.Text;
using KneeGuide.Core;
using KneeGuide.Site.Links;

namespace KneeGuide.Site.Markdown;

public sealed record Heading(int Level, string Text, string Id);

/// <summary>The result of rendering one Markdown source: HTML plus what was learned on the way.</summary>
public sealed class RenderedMarkdown
{
    /// <summary>The body's HTML as UTF-8: it is held from the Process phase until the page is
    /// rendered, at half the memory of a string, and copied into the page without re-encoding.</summary>
    public required byte[] Utf8Html { get; init; }

    /// <summary>The body's HTML as a string, decoded on each call (for tests and tools; the build uses the bytes).</summary>
    public string Html => Encoding.UTF8.GetString(Utf8Html);

    public required IReadOnlyList<Heading> Headings { get; init; }

    public required IReadOnlyList<LinkReference> Links { get; init; }

    /// <summary>Ids in the body (headings, footnotes, raw HTML), in document order, duplicates included.</summary>
    public required IReadOnlyList<(string Id, SourceLocation At)> Ids { get; init; }

    /// <summary>It shows a YouTube or Vimeo player (the page then loads the theme's video-facade.js).</summary>
    public bool EmbedsVideo { get; init; }
}

/// <summary>One image a page shows from images/, with the place it is written.</summary>
public sealed record ImageUse(string File, SourceLocation At);

/// <summary>
/// What the site index needs from a page's body and steps, kept apart from the rendered HTML: the
/// exercise cards placed inline ("used by" on exercise pages), the images shown (credits) and the links
/// to missing files. A build that finds a page unchanged reads only this, never its HTML.
/// </summary>
public sealed record BodyFacts(IReadOnlyList<string> InlineCards, IReadOnlyList<ImageUse> Images, IReadOnlyList<MissingLinkTarget> MissingTargets)
{
    /// <summary>The clips from videos/ the body shows (file names, with where they are written).</summary>
    public IReadOnlyList<ImageUse> Videos { get; init; } = [];

    public static BodyFacts Of(IReadOnlyList<string> cards, IEnumerable<LinkReference> links, IReadOnlyList<MissingLinkTarget> missing) =>
        new(cards, ImagesOf(links), missing) { Videos = UsesOf(links, "/videos/") };

    /// <summary>These facts with an exercise's steps added.</summary>
    public BodyFacts With(IEnumerable<LinkReference> links, IReadOnlyList<MissingLinkTarget> missing) =>
        new(InlineCards, [.. Images, .. ImagesOf(links)], [.. MissingTargets, .. missing]) { Videos = [.. Videos, .. UsesOf(links, "/videos/")] };

    private static IReadOnlyList<ImageUse> ImagesOf(IEnumerable<LinkReference> links) => UsesOf(links, "/images/");

    private static IReadOnlyList<ImageUse> UsesOf(IEnumerable<LinkReference> links, string folder) =>
        links.Where(l => l.IsImage && l.Href.StartsWith(folder, StringComparison.Ordinal))
            .Select(l => new ImageUse(Uri.UnescapeDataString(UrlClassifier.SplitPath(l.Href).Path[folder.Length..]), l.Location))
            .ToList();
}

/// <summary>
/// A relative link in a page whose file does not exist: <paramref name="Target"/> is the input path it
/// resolved to. It is reported once every page is known, so that the suggestion can be the page that
/// took over the old address (its redirect_from), or the path the editor most likely meant.
/// </summary>
public sealed record MissingLinkTarget(SourceLocation At, string Written, string Target, string? Fragment, bool IsImage, string FromSource);

/// <summary>
/// The words of a page's body as plain text, from RenderMarkdown to CollectSearchEntry, which makes
/// the page's search entry from it and removes it, so the text is not kept for the whole build.
/// </summary>
public sealed record BodyText(IReadOnlyList<TextSection> Sections);

/// <summary>
/// The plain text of one part of a page: what comes before the first heading (no id, no heading), or
/// a heading (its id and text) with what follows it up to the next heading.
/// </summary>
public sealed record TextSection(string? Id, string? Heading, string Text);
