using KneeGuide.Core.Caching;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.SiteFiles;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.Search;

/// <summary>
/// The pages the build makes, as search reads them: a list page is found by its own title and
/// description first, and by what it lists (titles and summaries, read as its body text), so "list of
/// exercises" finds the library and "glutes" the glutes topic. The search page and 404 are left out.
/// </summary>
public static class GeneratedPageSearch
{
    /// <param name="language">The pages' language, on a site of several (see <see cref="SearchSource.Language"/>).</param>
    public static IEnumerable<SearchSource> Sources(IReadOnlyList<GeneratedPage> pages, ViewModelFactory views, SearchSourceLanguage? language = null)
    {
        var reads = ReadSet.Ignored; // the index is remade from these whenever they change (GenerateSearchIndex)
        foreach (var page in pages)
        {
            IEnumerable<string>? listed = page.List switch
            {
                "library" => views.Exercises(reads, page.Language).Select(e => $"{e.Title}: {e.Summary} ({string.Join(", ", e.Targets.Concat(e.Equipment).Append(e.Difficulty ?? ""))})"),
                "articles" => Lines(views.Articles(reads, page.Language)),
                "mobility" => Lines(views.MobilityPages(reads, page.Language)),
                "tags" => views.Tags(reads, page.Language).Select(t => t.Title),
                "tag" => Lines(views.TagPages(page.Tag!, reads, page.Language)),
                "credits" => views.CreditsPage(reads, page.Language).Select(c => $"{c.Title ?? c.File}: {c.Author}, {c.License}"),
                _ => null,
            };
            if (listed is null)
            {
                continue;
            }

            var keywords = page.Tag is { } tag ? new[] { tag } : [];
            yield return new SearchSource(page.Url, page.Title, page.Layout, page.Description, keywords, [], [new TextSection(null, null, string.Join('\n', listed))], language);
        }
    }

    private static IEnumerable<string> Lines(IEnumerable<LinkView> links) =>
        links.Select(l => l.Description is { Length: > 0 } d ? $"{l.Title}: {d}" : l.Title);
}
