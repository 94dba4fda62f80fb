using KneeGuide.Core;
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
    /// <summary>
    /// A generated page's search entry, from the build cache while the page and every view it lists
    /// are unchanged (the reads are recorded as a cached page's are), else made and stored: a warm
    /// build then analyzes only the list pages an edit changed, not every list's text.
    /// </summary>
    /// <param name="language">The pages' language, on a site of several (see <see cref="SearchSource.Language"/>).</param>
    public static (SearchPostings Postings, SearchPageFile File, SearchShards Shards, string Url)? Entry(
        IExecutionContext context, SearchEntryBuilder builder, SearchAnalyzer analyzer, GeneratedPage page, ViewModelFactory views, string code, SearchSourceLanguage? language)
    {
        if (!Listed(page))
        {
            return null;
        }

        var cache = context.GetService<BuildCache>();
        var codecs = context.GetService<FacetCodecs>();
        var unit = ContentHash.Of(context.PipelineName, "search-generated", code, page.Url);
        var input = ContentHash.Of(
            "search-generated", code, page.Layout, page.Title, page.Url, page.Description, page.List, page.Tag, page.Language, language?.Code, language?.Name);
        if (cache.Find(unit, input, context.GetService<IFactSource>()) is { } entry && Decode(entry.Payload, codecs) is { } cached)
        {
            return (cached.Postings, cached.File, cached.Shards, page.Url);
        }

        var reads = new ReadSet();
        var source = Source(page, views, reads, language)!;
        var (postings, file, shards) = builder.Build(analyzer, source);
        var writer = new CacheWriter();
        writer.WriteBytes(codecs.Encode(typeof(SearchPostings), postings));
        writer.WriteBytes(file.Json);
        writer.WriteBytes(codecs.Encode(typeof(SearchShards), shards));
        cache.Store(unit, new CacheEntry(input, reads.Snapshot(), writer.ToArray()));
        return (postings, file, shards, page.Url);
    }

    private static bool Listed(GeneratedPage page) => page.List is "library" or "articles" or "mobility" or "tags" or "tag" or "credits";

    /// <summary>What search reads of a generated page, recording the views it lists in <paramref name="reads"/>; null for a page search leaves out.</summary>
    public static SearchSource? Source(GeneratedPage page, ViewModelFactory views, ReadSet reads, SearchSourceLanguage? language = null)
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
            return null;
        }

        var keywords = page.Tag is { } tag ? new[] { tag } : [];
        return new SearchSource(page.Url, page.Title, page.Layout, page.Description, keywords, [], [new TextSection(null, null, string.Join('\n', listed))], language);
    }

    private static (SearchPostings Postings, SearchPageFile File, SearchShards Shards)? Decode(ReadOnlyMemory<byte> payload, FacetCodecs codecs)
    {
        try
        {
            var reader = new CacheReader(payload);
            return (codecs.Decode<SearchPostings>(reader.ReadBytes()), new SearchPageFile(reader.ReadBytes().ToArray()), codecs.Decode<SearchShards>(reader.ReadBytes()));
        }
        catch (CacheFormatException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Lines(IEnumerable<LinkView> links) =>
        links.Select(l => l.Description is { Length: > 0 } d ? $"{l.Title}: {d}" : l.Title);
}
