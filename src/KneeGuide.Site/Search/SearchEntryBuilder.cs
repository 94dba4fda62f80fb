using System.Buffers;
using System.Text.Json;
using System.IO.Hashing;

namespace KneeGuide.Site.Search;

/// <summary>
/// Makes a page's search entry (<see cref="SearchPostings"/>, <see cref="SearchPageFile"/>,
/// <see cref="SearchShards"/>) from its <see cref="SearchSource"/>: every word of every field analyzed,
/// counted by field and section, and turned into impacts.
/// </summary>
public sealed class SearchEntryBuilder(StringPool pool)
{
    /// <summary>Sections past this share the last bit of a posting's section mask.</summary>
    public const int MaskBits = 31;

    private struct Counts
    {
        public double Fields;
        public double Body;
        public int Mask;
    }

    [ThreadStatic]
    private static Dictionary<string, Counts>? t_counts;

    [ThreadStatic]
    private static Dictionary<string, string>? t_words;

    public (SearchPostings Postings, SearchPageFile File, SearchShards Shards) Build(SearchAnalyzer analyzer, SearchSource source)
    {
        // One pair of tables per thread, emptied for each page: what is kept is copied out of them.
        var counts = t_counts ??= new Dictionary<string, Counts>(StringComparer.Ordinal);
        var words = t_words ??= new Dictionary<string, string>(StringComparer.Ordinal);
        counts.Clear();
        words.Clear();
        var table = pool.ForThisThread;
        var bodyLength = 0;

        void Add(string? text, double weight, int section, bool body)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            var bit = 1 << Math.Min(section, MaskBits - 1);
            analyzer.Analyze(text, (surface, term) =>
            {
                ref var c = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _);
                if (body)
                {
                    c.Body += 1;
                    bodyLength++;
                }
                else
                {
                    c.Fields += weight;
                }

                c.Mask |= bit;
                var written = table.Get(surface);
                words.TryAdd(written, term);
            }, compounds: true);
        }

        Add(source.Title, SearchScoring.TitleWeight, 0, body: false);
        Add(source.Description, SearchScoring.DescriptionWeight, 0, body: false);
        foreach (var keyword in source.Keywords)
        {
            Add(keyword, SearchScoring.KeywordWeight, 0, body: false);
        }

        foreach (var detail in source.Details)
        {
            Add(detail, SearchScoring.DescriptionWeight, 0, body: false);
        }

        for (var s = 0; s < source.Sections.Count; s++)
        {
            Add(source.Sections[s].Heading, SearchScoring.HeadingWeight, s, body: false);
            Add(source.Sections[s].Text, SearchScoring.BodyWeight, s, body: true);
        }

        var terms = counts.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        var impacts = new int[terms.Length];
        var masks = new int[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var c = counts[terms[i]];
            impacts[i] = SearchScoring.Impact(c.Fields, c.Body, bodyLength);
            masks[i] = c.Mask;
        }

        var surfaces = words.Keys.ToArray();
        var endKeys = surfaces.Select(w => SearchIndexLayout.EndKey(w)).ToArray();
        Array.Sort(endKeys, surfaces, Comparer<string>.Create(string.CompareOrdinal));
        // Equal keys keep no particular order from Array.Sort: sort each run by the word itself.
        for (var start = 0; start < surfaces.Length;)
        {
            var end = start + 1;
            while (end < surfaces.Length && endKeys[end] == endKeys[start])
            {
                end++;
            }

            Array.Sort(surfaces, start, end - start, StringComparer.Ordinal);
            start = end;
        }

        var wordTerms = surfaces.Select(w => words[w]).ToArray();
        var postings = new SearchPostings(terms, impacts, masks, surfaces, wordTerms);
        return (postings, new SearchPageFile(PageJson(source)), Shards(postings));
    }

    /// <summary>
    /// The per-shard hashes of a page's postings and words (see <see cref="SearchShards"/>): 64-bit
    /// XxHash3 of each entry, mixed in order. Cheap on purpose: every page makes one per shard it touches.
    /// </summary>
    private static SearchShards Shards(SearchPostings postings)
    {
        var hashes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        void Mix(string key, string text, ulong extra)
        {
            ref var h = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(hashes, key, out _);
            var entry = XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()), (long)extra);
            h = (h ^ entry) * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
        }

        for (var i = 0; i < postings.Terms.Count; i++)
        {
            Mix("t:" + SearchIndexLayout.TermKey(postings.Terms[i]), postings.Terms[i], ((ulong)(uint)postings.Impacts[i] << 32) | (uint)postings.Masks[i]);
        }

        for (var i = 0; i < postings.Words.Count; i++)
        {
            Mix("e:" + SearchIndexLayout.EndKey(postings.Words[i]), postings.Words[i] + "\0" + postings.WordTerms[i], 0);
        }

        var keys = hashes.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return new SearchShards(keys, [.. keys.Select(k => hashes[k])]);
    }

    /// <summary>
    /// The most text a page file keeps for excerpts, in characters, per section and per page. The
    /// file is fetched for every result shown, so a listing page with thousands of entries (the
    /// library of a large site) must not cost a reader 100 KB; its matches are still found (the
    /// postings hold every word), only the excerpt comes from the text kept. The clinic's longest
    /// article is about 12,000 characters.
    /// </summary>
    private const int SectionTextBudget = 8_000, PageTextBudget = 24_000;

    /// <summary>The text cut at the last space before <paramref name="limit"/> characters.</summary>
    private static string Shorten(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = limit <= 0 ? -1 : text.LastIndexOf(' ', limit - 1);
        return cut <= 0 ? "" : text[..cut] + " …";
    }

    /// <summary>
    /// <c>["url","title","kind","description",[["id","heading","text"],...]]</c>, the first section
    /// without id or heading; on a site of several languages followed by the page's language code and name.
    /// </summary>
    private static byte[] PageJson(SearchSource source)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(source.Url);
            writer.WriteStringValue(source.Title);
            writer.WriteStringValue(source.Kind);
            writer.WriteStringValue(source.Description);
            writer.WriteStartArray();
            var budget = PageTextBudget;
            foreach (var section in source.Sections)
            {
                var text = Shorten(section.Text, Math.Min(budget, SectionTextBudget));
                budget -= text.Length;
                writer.WriteStartArray();
                writer.WriteStringValue(section.Id ?? "");
                writer.WriteStringValue(section.Heading ?? "");
                writer.WriteStringValue(text);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            if (source.Language is { } language)
            {
                writer.WriteStringValue(language.Code);
                writer.WriteStringValue(language.Name);
            }

            writer.WriteEndArray();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
