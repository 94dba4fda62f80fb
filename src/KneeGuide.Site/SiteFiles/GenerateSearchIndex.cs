using System.Text.Json;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// PostProcess phase: the search index under /search/, split so that a query loads only what it
/// needs, however large the site:
/// <list type="bullet">
/// <item><c>manifest.json</c>: the shard keys that exist and the size of document chunks;</item>
/// <item><c>terms/&lt;key&gt;.json</c>: every term starting with that two-character key, mapped to
/// [document number, weight] pairs;</item>
/// <item><c>docs/&lt;n&gt;.json</c>: url, title, description and kind of documents n*256 .. n*256+255.</item>
/// </list>
/// Everything is sorted, so rebuilds are byte-identical.
/// </summary>
public sealed class GenerateSearchIndex : IModule
{
    public const int DocumentChunkSize = 256;

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        var index = PageRendererFactory.Index(context);
        var pages = index.Published
            .Select(d => (Doc: d, Page: d.Require<ContentPage>()))
            .OrderBy(p => p.Page.Url, StringComparer.Ordinal)
            .ToList();

        // Each page's terms were collected in the Process phase (CollectSearchTerms); merged here in
        // page order, so each term's postings come out sorted by document number without sorting.
        var postings = new Dictionary<string, List<int[]>>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            var terms = Terms(pages[i].Doc);
            for (var t = 0; t < terms.Terms.Count; t++)
            {
                if (!postings.TryGetValue(terms.Terms[t], out var docs))
                {
                    postings[terms.Terms[t]] = docs = [];
                }

                docs.Add([i, terms.Weights[t]]);
            }
        }

        var documents = new List<Document>();
        var shards = postings.Keys.GroupBy(SearchTerms.ShardKey).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var shard in shards)
        {
            var body = new SortedDictionary<string, int[][]>(StringComparer.Ordinal);
            foreach (var term in shard)
            {
                body[term] = postings[term].ToArray();
            }

            documents.Add(JsonFile($"search/terms/{shard.Key}.json", body));
        }

        for (var chunk = 0; chunk * DocumentChunkSize < pages.Count; chunk++)
        {
            var rows = pages.Skip(chunk * DocumentChunkSize).Take(DocumentChunkSize)
                .Select(p => new[] { p.Page.Url, p.Page.Title, p.Page.Description ?? "", p.Page.Kind.ToString().ToLowerInvariant() })
                .ToList();
            documents.Add(JsonFile($"search/docs/{chunk}.json", rows));
        }

        documents.Add(JsonFile("search/manifest.json", new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["version"] = 1,
            ["documents"] = pages.Count,
            ["chunk"] = DocumentChunkSize,
            ["prefix"] = SearchTerms.ShardPrefixLength,
            ["shards"] = shards.Select(s => s.Key).ToArray(),
        }));
        return Task.FromResult<IReadOnlyList<Document>>(documents);
    }

    /// <summary>A page's terms and weights as CollectSearchTerms found them.</summary>
    internal static PageTerms Terms(Document doc) =>
        doc.Get<PageTerms>() ?? throw new InvalidOperationException($"'{doc.Source}' went through no CollectSearchTerms module.");

    private static Document JsonFile<T>(string destination, T value) =>
        new(null, destination, DocumentContent.FromText(JsonSerializer.Serialize(value) + "\n"));
}
