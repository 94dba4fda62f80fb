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
        // A term's postings are one flat list of (document, weight) pairs.
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            var terms = Terms(pages[i].Doc);
            for (var t = 0; t < terms.Terms.Count; t++)
            {
                if (!postings.TryGetValue(terms.Terms[t], out var docs))
                {
                    postings[terms.Terms[t]] = docs = new List<int>(4);
                }

                docs.Add(i);
                docs.Add(terms.Weights[t]);
            }
        }

        var shards = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var term in postings.Keys)
        {
            var key = SearchTerms.ShardKey(term);
            if (!shards.TryGetValue(key, out var members))
            {
                shards[key] = members = [];
            }

            members.Add(term);
        }

        var shardKeys = shards.Keys.Order(StringComparer.Ordinal).ToList();
        var documents = new List<Document>();
        foreach (var key in shardKeys)
        {
            var members = shards[key];
            members.Sort(StringComparer.Ordinal);
            documents.Add(JsonFile($"search/terms/{key}.json", SearchIndexJson.TermShard(members.Select(t => (t, (IReadOnlyList<int>)postings[t])))));
        }

        for (var chunk = 0; chunk * DocumentChunkSize < pages.Count; chunk++)
        {
            var rows = pages.Skip(chunk * DocumentChunkSize).Take(DocumentChunkSize)
                .Select(p => (IReadOnlyList<string>)[p.Page.Url, p.Page.Title, p.Page.Description ?? "", p.Page.Kind.ToString().ToLowerInvariant()]);
            documents.Add(JsonFile($"search/docs/{chunk}.json", SearchIndexJson.DocumentChunk(rows)));
        }

        documents.Add(JsonFile("search/manifest.json", SearchIndexJson.Manifest(1, pages.Count, DocumentChunkSize, SearchTerms.ShardPrefixLength, shardKeys)));
        return Task.FromResult<IReadOnlyList<Document>>(documents);
    }

    /// <summary>A page's terms and weights as CollectSearchTerms found them.</summary>
    internal static PageTerms Terms(Document doc) =>
        doc.Get<PageTerms>() ?? throw new InvalidOperationException($"'{doc.Source}' went through no CollectSearchTerms module.");

    private static Document JsonFile(string destination, byte[] utf8) => new(null, destination, DocumentContent.FromUtf8(utf8));
}
