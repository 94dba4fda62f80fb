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

    // How much a word counts where it appears: a title match beats a passing mention in the body.
    private const int TitleWeight = 10;
    private const int TargetWeight = 6;
    private const int HeadingWeight = 5;
    private const int DescriptionWeight = 3;
    private const int BodyWeight = 1;
    private const int BodyCap = 5;

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        var index = PageRendererFactory.Index(context);
        var pages = index.Published
            .Select(d => (Doc: d, Page: d.Require<ContentPage>()))
            .OrderBy(p => p.Page.Url, StringComparer.Ordinal)
            .ToList();

        // Terms per page in parallel (tokenizing is most of the work), then merged in page order, so
        // each term's postings come out sorted by document number without sorting them.
        var perPage = new Dictionary<string, int>[pages.Count];
        Parallel.For(0, pages.Count, i => perPage[i] = Weights(pages[i].Doc, pages[i].Page));
        var postings = new Dictionary<string, List<int[]>>(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            foreach (var (term, weight) in perPage[i])
            {
                if (!postings.TryGetValue(term, out var docs))
                {
                    postings[term] = docs = [];
                }

                docs.Add([i, weight]);
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

    /// <summary>Each term of a page with its best weight (a title word is not also counted as body text).</summary>
    internal static Dictionary<string, int> Weights(Document doc, ContentPage page)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string? text, int weight)
        {
            foreach (var term in SearchTerms.Tokenize(text))
            {
                weights[term] = Math.Max(weights.GetValueOrDefault(term), weight);
            }
        }

        var rendered = doc.Get<RenderedMarkdown>();
        foreach (var term in SearchTerms.Tokenize(rendered?.PlainText))
        {
            weights[term] = Math.Min(weights.GetValueOrDefault(term) + BodyWeight, BodyCap * BodyWeight);
        }

        foreach (var heading in rendered?.Headings ?? [])
        {
            Add(heading.Text, HeadingWeight);
        }

        Add(page.Description, DescriptionWeight);
        if (doc.Get<ExerciseFrontMatter>() is { } exercise)
        {
            Add(string.Join(' ', exercise.Targets), TargetWeight);
            Add(string.Join(' ', exercise.Equipment), DescriptionWeight);
            Add(string.Join(' ', exercise.Steps.Select(s => s.Value)), BodyWeight);
        }

        Add(page.Title, TitleWeight);
        return weights;
    }

    private static Document JsonFile<T>(string destination, T value) =>
        new(null, destination, DocumentContent.FromText(JsonSerializer.Serialize(value) + "\n"));
}
