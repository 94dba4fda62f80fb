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

    /// <summary>Exercise ids placed inline as cards.</summary>
    public required IReadOnlyList<string> InlineCards { get; init; }

    /// <summary>Relative links to files that do not exist, reported by the site index with suggestions.</summary>
    public IReadOnlyList<MissingLinkTarget> MissingTargets { get; init; } = [];
}

/// <summary>
/// A relative link in a page whose file does not exist: <paramref name="Target"/> is the input path it
/// resolved to. It is reported once every page is known, so that the suggestion can be the page that
/// took over the old address (its redirect_from), or the path the editor most likely meant.
/// </summary>
public sealed record MissingLinkTarget(SourceLocation At, string Written, string Target, string? Fragment, bool IsImage, string FromSource);

/// <summary>
/// The words of a page's body as plain text, from RenderMarkdown to CollectSearchTerms, which takes
/// the page's search terms from it and removes it, so the text is not kept for the whole build.
/// </summary>
public sealed record BodyText(string Text);
