using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.SiteFiles;

/// <summary>
/// Process phase, after RenderMarkdown: each page's search terms and their weights
/// (<see cref="PageTerms"/>), taken from the body text while it is at hand. The body text is then
/// dropped; GenerateSearchIndex only merges the collected terms.
/// </summary>
public sealed class CollectSearchTerms(SearchTermPool pool) : ParallelModule
{
    // How much a word counts where it appears: a title match beats a passing mention in the body.
    private const int TitleWeight = 10;
    private const int TargetWeight = 6;
    private const int HeadingWeight = 5;
    private const int DescriptionWeight = 3;
    private const int BodyWeight = 1;
    private const int BodyCap = 5;

    protected override Document? Execute(Document input, IDocumentContext context)
    {
        if (input.Get<ContentPage>() is not { Failed: false } page)
        {
            return input.Without<BodyText>();
        }

        var weights = Weights(input, page);
        var terms = new string[weights.Count];
        var values = new int[weights.Count];
        var i = 0;
        foreach (var (term, weight) in weights)
        {
            (terms[i], values[i]) = (term, weight);
            i++;
        }

        return input.Without<BodyText>().With(new PageTerms(terms, values));
    }

    [ThreadStatic]
    private static Dictionary<string, int>? t_weights;

    /// <summary>Each term of a page with its best weight (a title word is not also counted as body text).</summary>
    private Dictionary<string, int> Weights(Document doc, ContentPage page)
    {
        // One dictionary per thread, emptied for each page: Execute copies what it needs out of it.
        var weights = (t_weights ??= new Dictionary<string, int>(StringComparer.Ordinal));
        weights.Clear();
        var table = pool.ForThisThread;
        void Add(string? text, int weight) =>
            SearchTerms.Tokenize(text, term =>
            {
                var key = table.Get(term);
                weights[key] = Math.Max(weights.GetValueOrDefault(key), weight);
            });

        SearchTerms.Tokenize(doc.Get<BodyText>()?.Text, term =>
        {
            var key = table.Get(term);
            weights[key] = Math.Min(weights.GetValueOrDefault(key) + BodyWeight, BodyCap * BodyWeight);
        });

        foreach (var heading in doc.Get<RenderedMarkdown>()?.Headings ?? [])
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
}

/// <summary>
/// One string per distinct search term and thread for the whole build: pages share most of their
/// words, so each word is allocated about once instead of once per page that uses it. Each thread
/// has its own table: a shared one made both cores queue on its locks whenever a new word came up.
/// </summary>
public sealed class SearchTermPool
{
    private readonly ThreadLocal<Table> _tables = new(() => new Table());

    /// <summary>This thread's table (fetch it once per page, not per word).</summary>
    public Table ForThisThread => _tables.Value!;

    public sealed class Table
    {
        private readonly Dictionary<string, string> _terms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Table() => _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();

        public string Get(ReadOnlySpan<char> term)
        {
            if (_lookup.TryGetValue(term, out var known))
            {
                return known;
            }

            var text = term.ToString();
            _terms[text] = text;
            return text;
        }
    }
}
