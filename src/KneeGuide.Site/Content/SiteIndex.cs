using KneeGuide.Core;

namespace KneeGuide.Site.Content;

/// <summary>
/// Everything known about the site's content once every page is parsed: pages by URL, exercises by
/// id, mobility pages by slug, tags, and the reverse links (which pages use an exercise or point to a
/// mobility page). Built once, read by every page render. All lists are in a stable order.
/// </summary>
public sealed class SiteIndex
{
    public required IReadOnlyList<Document> Documents { get; init; }

    /// <summary>Every page (published or not) by source path.</summary>
    public required IReadOnlyDictionary<string, Document> BySource { get; init; }

    /// <summary>Published pages by URL.</summary>
    public required IReadOnlyDictionary<string, Document> ByUrl { get; init; }

    public required IReadOnlyDictionary<string, Document> Exercises { get; init; }

    public required IReadOnlyDictionary<string, Document> MobilityPages { get; init; }

    public required IReadOnlyList<Document> Articles { get; init; }

    /// <summary>Tag slug -> published pages carrying it, newest first.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Document>> Tags { get; init; }

    /// <summary>Exercise id -> published pages that list it or place its card.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Document>> ExerciseUsedBy { get; init; }

    /// <summary>Mobility slug -> published pages and exercises that point to it.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<Document>> MobilityLinkedFrom { get; init; }

    /// <summary>URLs of pages that exist as sources but are not published (drafts), for clearer link errors.</summary>
    public required IReadOnlySet<string> DraftUrls { get; init; }

    /// <summary>URLs of pages whose front matter has errors: already reported, so links to them are not.</summary>
    public required IReadOnlySet<string> FailedUrls { get; init; }

    /// <summary>Old path -> new URL, from redirect_from.</summary>
    public required IReadOnlyDictionary<string, string> Redirects { get; init; }

    /// <summary>Image file names that published pages use, with the first place each is used.</summary>
    public required IReadOnlyDictionary<string, SourceLocation> UsedImages { get; init; }

    /// <summary>Exercise id -> its easier and harder variations, both ways (only exercises that have any).</summary>
    public IReadOnlyDictionary<string, Progression> Progressions { get; init; } = new Dictionary<string, Progression>();

    /// <summary>Published translations by <see cref="TranslationKey"/> (language and original's source).</summary>
    public IReadOnlyDictionary<string, Document> Translations { get; init; } = new Dictionary<string, Document>();

    public static string TranslationKey(string language, string originalSource) => language + ":" + originalSource;

    /// <summary>
    /// The published language versions of a page (an original or a translation): its original and
    /// its translations, in the order site.yml declares the languages.
    /// </summary>
    public IReadOnlyList<(SiteLanguage Language, Document Page)> Versions(ContentPage page, IReadOnlyList<SiteLanguage> languages)
    {
        var original = page.OriginalSource ?? page.Source;
        var versions = new List<(SiteLanguage, Document)>();
        for (var i = 0; i < languages.Count; i++)
        {
            var doc = i == 0
                ? BySource.TryGetValue(original, out var o) && ByUrl.GetValueOrDefault(o.Require<ContentPage>().Url) == o ? o : null
                : Translations.GetValueOrDefault(TranslationKey(languages[i].Code.Value, original));
            if (doc is not null)
            {
                versions.Add((languages[i], doc));
            }
        }

        return versions;
    }

    /// <summary>Every published page, in every language.</summary>
    public IEnumerable<Document> Published => ByUrl.Values;

    /// <summary>The published pages in the default language (search and the feed list these).</summary>
    public IEnumerable<Document> PublishedOriginals => ByUrl.Values.Where(d => !d.Require<ContentPage>().IsTranslation);

    public static IReadOnlyList<Document> Sorted(IEnumerable<Document> documents) =>
        documents
            .OrderByDescending(d => d.Require<ContentPage>().Date ?? DateOnly.MinValue)
            .ThenBy(d => d.Require<ContentPage>().Title, StringComparer.Ordinal)
            .ThenBy(d => d.Source, StringComparer.Ordinal)
            .ToList();
}

/// <summary>An exercise's easier and harder variations (published exercise ids).</summary>
public sealed record Progression(IReadOnlyList<string> Easier, IReadOnlyList<string> Harder);
