using KneeGuide.Core;

namespace KneeGuide.Site.Content;

/// <summary>
/// The facts every Markdown page shares, whatever its kind, taken from its typed front matter. The
/// typed front matter itself stays on the document for what only one kind has (exercise dosage).
/// </summary>
public sealed class ContentPage
{
    public required string Source { get; init; }

    public required string Display { get; init; }

    public required ContentKind Kind { get; init; }

    public required string Slug { get; init; }

    public required string Url { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public DateOnly? Date { get; init; }

    public DateOnly? Updated { get; init; }

    public Review? Reviewed { get; init; }

    /// <summary>Where the <c>reviewed</c> key is in the file, for review-date warnings.</summary>
    public SourceLocation? ReviewedAt { get; init; }

    public IReadOnlyList<Located<string>> Tags { get; init; } = [];

    public IReadOnlyList<Located<string>> Exercises { get; init; } = [];

    public IReadOnlyList<Located<string>> Mobility { get; init; } = [];

    public Located<string>? Image { get; init; }

    public IReadOnlyList<Located<string>> RedirectFrom { get; init; } = [];

    public bool Draft { get; init; }

    /// <summary>false when the page's front matter says <c>link_check: false</c>.</summary>
    public bool LinkCheck { get; init; } = true;

    /// <summary>The front matter had errors: the page is known (links to it are not "missing") but not published.</summary>
    public bool Failed { get; init; }

    /// <summary>
    /// Written to the output: no front matter errors, and not a draft (drafts are published only in
    /// the preview, where the editor needs to see them).
    /// </summary>
    public bool Published { get; init; }

    public DateOnly? LastChanged => Updated ?? Date;

    /// <summary>The code of a translation's language (articles/x.es.md: es); null for a page in the default language.</summary>
    public string? Language { get; init; }

    /// <summary>A translation's original (articles/x.md); null for an original.</summary>
    public string? OriginalSource { get; init; }

    public bool IsTranslation => Language is not null;

    /// <summary>
    /// This page as the translation into <paramref name="code"/> of <paramref name="original"/>: its
    /// original's slug, published under /&lt;code&gt;/, with the translation's own review (whatever
    /// the kind: an exercise or plain page has none of its own, its translation may) and staleness.
    /// </summary>
    public ContentPage As(string code, string original, TranslationState? state, SourceLocation? reviewedAt) => new()
    {
        Source = Source, Display = Display, Kind = Kind, Slug = ContentPaths.Slug(original), Url = Translations.UrlIn(code, ContentPaths.UrlOf(original)),
        Title = Title, Description = Description, Date = Date, Updated = Updated, Reviewed = state?.Reviewed, ReviewedAt = state?.Reviewed is null ? null : reviewedAt, Tags = Tags,
        Exercises = Exercises, Mobility = Mobility, Image = Image, RedirectFrom = [], Draft = Draft, LinkCheck = LinkCheck, Failed = Failed,
        Published = Published, Language = code, OriginalSource = original, Stale = state?.Stale ?? false,
    };

    /// <summary>A translation whose original has changed since it was last updated (or that has no updated date).</summary>
    public bool Stale { get; init; }
}
