using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.SiteFiles;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.Search;

/// <summary>
/// PostProcess phase: the search index of each of the site's languages (<see cref="SearchIndexLayout"/>)
/// from every published page's entry (<see cref="CollectSearchEntry"/>) and the generated pages', with the synonyms. Each
/// shard and page file is remade only when what it is made from changed (<see cref="CachedFiles"/>):
/// the pages' hashes of what they put in each shard (<see cref="SearchShards"/>), their numbers, the
/// synonyms; an edit to one page remakes the shards of the words it changed and its own file.
/// </summary>
public sealed class GenerateSearchIndex(StringPool pool) : IModule
{
    /// <summary>Part of every fingerprint: a change to the files' format remakes them all.</summary>
    private const int FormatVersion = 3;

    private sealed record Entry(string Url, Func<SearchPostings> Postings, SearchShards Shards, UInt128 FileHash, Func<byte[]> File);

    public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> _, IExecutionContext context)
    {
        var index = PageRendererFactory.Index(context);
        var languages = context.GetService<SiteInputs>().Config.AllLanguages;
        var documents = new List<Document>();
        for (var i = 0; i < languages.Count; i++)
        {
            documents.AddRange(LanguageIndex(context, index, languages, i));
        }

        IReadOnlyList<Document> sorted = documents.OrderBy(d => d.Destination, StringComparer.Ordinal).ToList();
        return Task.FromResult(sorted);
    }

    /// <summary>The index of one of the site's languages, in its folder (<see cref="SearchLanguage.IndexFolder"/>).</summary>
    private List<Document> LanguageIndex(IExecutionContext context, SiteIndex index, IReadOnlyList<SiteLanguage> languages, int which)
    {
        var config = context.GetService<SiteInputs>().Config;
        var code = languages[which].Code.Value;
        var language = SearchLanguage.For(code);
        var analyzer = new SearchAnalyzer(language);
        var folder = SearchLanguage.IndexFolder(code, isDefault: which == 0);
        var entries = Entries(index, context, analyzer, languages, which);
        // site.yml's synonyms are written in the default language; another language has its built-in ones.
        var synonyms = SynonymsByKey(SynonymList.Build(analyzer, which == 0 ? config.Search.Synonyms : [], context.Diagnostics));
        var salt = new ContentHash.Builder().Add(FormatVersion).Add(language.Code).Add(folder).Add(SearchIndexLayout.InlinePostings).Finish();

        // What each shard is made from: which pages put what in it, and its synonyms. A hash table
        // (some 200,000 lookups on a large site), put in key order once it is complete.
        var fingerprints = new Dictionary<string, ContentHash.Builder>(StringComparer.Ordinal);
        ContentHash.Builder Fingerprint(string key)
        {
            if (!fingerprints.TryGetValue(key, out var builder))
            {
                fingerprints[key] = builder = new ContentHash.Builder().Add(salt).Add(key);
            }

            return builder;
        }

        // A term shard with synonyms says where each alternative's postings are (AlternativeKeys), so it
        // is remade when the term shards of its alternatives change too.
        var dependents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, list) in synonyms)
        {
            foreach (var other in AlternativeKeys(list).Where(k => k != key))
            {
                if (!dependents.TryGetValue("t:" + other, out var keys))
                {
                    dependents["t:" + other] = keys = [];
                }

                keys.Add("t:" + key);
            }
        }

        for (var n = 0; n < entries.Count; n++)
        {
            var shards = entries[n].Shards;
            for (var s = 0; s < shards.Keys.Count; s++)
            {
                Fingerprint(shards.Keys[s]).Add(n).Add((UInt128)shards.Hashes[s]);
                foreach (var dependent in dependents.GetValueOrDefault(shards.Keys[s]) ?? [])
                {
                    Fingerprint(dependent).Add(shards.Keys[s]).Add(n).Add((UInt128)shards.Hashes[s]);
                }
            }
        }

        foreach (var (key, list) in synonyms)
        {
            var builder = Fingerprint("t:" + key).Add("synonyms");
            foreach (var (first, phrases) in list)
            {
                builder.Add(first);
                foreach (var (phrase, alternatives) in phrases)
                {
                    builder.Add(phrase).AddAll(alternatives);
                }
            }
        }

        var documents = new List<Document>();
        var toMake = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        var shardKeys = fingerprints.Keys.ToArray();
        Array.Sort(shardKeys, StringComparer.Ordinal);
        foreach (var key in shardKeys)
        {
            var fingerprint = fingerprints[key].Finish();
            if (CachedFiles.Find(context, "search:" + folder + key, fingerprint) is { } reused)
            {
                documents.AddRange(reused);
            }
            else
            {
                toMake[key] = fingerprint;
            }
        }

        if (toMake.Count > 0)
        {
            documents.AddRange(MakeShards(context, folder, entries, synonyms, toMake));
        }

        for (var n = 0; n < entries.Count; n++)
        {
            var fingerprint = new ContentHash.Builder().Add(salt).Add(n).Add(entries[n].FileHash).Finish();
            var unit = "search:" + folder + "page:" + n;
            if (CachedFiles.Find(context, unit, fingerprint) is { } reused)
            {
                documents.AddRange(reused);
                continue;
            }

            Document[] made = [JsonFile($"{folder}pages/{n}.json", entries[n].File())];
            CachedFiles.Store(context, unit, fingerprint, made);
            documents.AddRange(made);
        }

        documents.Add(JsonFile(folder + "manifest.json", SearchIndexJson.Manifest(
            language.Code,
            entries.Count,
            shardKeys.Where(k => k.StartsWith("t:", StringComparison.Ordinal)).Select(k => k[2..]),
            shardKeys.Where(k => k.StartsWith("e:", StringComparison.Ordinal)).Select(k => k[2..]),
            language.StopWords.Order(StringComparer.Ordinal))));
        return documents;
    }

    /// <summary>
    /// Every page one language's search finds, numbered in address order: the default language's
    /// published pages, or another language's translations and the originals not (yet) translated
    /// into it (read by that language's analyzer, <see cref="SearchEntriesInOtherLanguages"/>; their
    /// page files name their language, so the result says so); and the language's generated pages.
    /// </summary>
    private List<Entry> Entries(SiteIndex index, IExecutionContext context, SearchAnalyzer analyzer, IReadOnlyList<SiteLanguage> languages, int which)
    {
        var code = languages[which].Code.Value;
        var entries = new List<Entry>();
        foreach (var doc in index.PublishedOriginals)
        {
            var page = doc.Require<ContentPage>();
            var fileHash = doc.Get<FacetHashes>()?.Of<SearchPageFile>() ?? ContentHash.Of(doc.Require<SearchPageFile>().Json);
            if (which == 0)
            {
                entries.Add(new Entry(page.Url, () => doc.Require<SearchPostings>(), ShardsOf(doc), fileHash, () => doc.Require<SearchPageFile>().Json));
            }
            else if (!index.Translations.ContainsKey(SiteIndex.TranslationKey(code, page.Source)))
            {
                var inLanguage = doc.Require<SearchEntriesInOtherLanguages>().For(code) ?? throw new InvalidOperationException($"'{doc.Source}' has no search entry for '{code}'.");
                entries.Add(new Entry(page.Url, () => inLanguage.Postings, inLanguage.Shards, fileHash, () => doc.Require<SearchPageFile>().Json));
            }
        }

        if (which > 0)
        {
            foreach (var doc in index.Published)
            {
                if (doc.Require<ContentPage>() is { Language: { } language, Url: var url } && language == code)
                {
                    var fileHash = doc.Get<FacetHashes>()?.Of<SearchPageFile>() ?? ContentHash.Of(doc.Require<SearchPageFile>().Json);
                    entries.Add(new Entry(url, () => doc.Require<SearchPostings>(), ShardsOf(doc), fileHash, () => doc.Require<SearchPageFile>().Json));
                }
            }
        }

        var builder = new SearchEntryBuilder(pool);
        var views = context.GetService<SiteFacts>().Views;
        var marker = languages.Count > 1 ? new SearchSourceLanguage(code, languages[which].Name) : null;
        foreach (var page in GeneratePages.List(views, code))
        {
            if (GeneratedPageSearch.Entry(context, builder, analyzer, page, views, code, marker) is var (postings, file, shards, url))
            {
                entries.Add(new Entry(url, () => postings, shards, ContentHash.Of(file.Json), () => file.Json));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Url, b.Url));
        return entries;
    }

    private static SearchShards ShardsOf(Document doc) =>
        doc.Get<SearchShards>() ?? throw new InvalidOperationException($"'{doc.Source}' went through no CollectSearchEntry module.");

    /// <summary>Makes the shards whose fingerprint changed, in one pass over the pages that touch any of them.</summary>
    private static List<Document> MakeShards(
        IExecutionContext context,
        string folder,
        List<Entry> entries,
        SortedDictionary<string, List<(string, IReadOnlyList<(string, IReadOnlyList<string>)>)>> synonyms,
        Dictionary<string, UInt128> toMake)
    {
        // The postings of the shards to make, and of the shards their synonyms' alternatives are in.
        var read = new HashSet<string>(toMake.Keys, StringComparer.Ordinal);
        foreach (var key in toMake.Keys.Where(k => k.StartsWith("t:", StringComparison.Ordinal)))
        {
            if (synonyms.TryGetValue(key[2..], out var list))
            {
                read.UnionWith(AlternativeKeys(list).Select(k => "t:" + k));
            }
        }

        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 0; n < entries.Count; n++)
        {
            if (!entries[n].Shards.Keys.Any(read.Contains))
            {
                continue;
            }

            var page = entries[n].Postings();
            for (var i = 0; i < page.Terms.Count; i++)
            {
                var term = page.Terms[i];
                if (read.Contains("t:" + SearchIndexLayout.TermKey(term)))
                {
                    if (!postings.TryGetValue(term, out var list))
                    {
                        postings[term] = list = new List<int>(6);
                    }

                    list.Add(n);
                    list.Add(page.Impacts[i]);
                    list.Add(page.Masks[i]);
                }
            }

            for (var i = 0; i < page.Words.Count; i++)
            {
                if (toMake.ContainsKey("e:" + SearchIndexLayout.EndKey(page.Words[i])))
                {
                    words.TryAdd(page.Words[i], page.WordTerms[i]);
                }
            }
        }

        var termsByKey = postings.Keys.GroupBy(SearchIndexLayout.TermKey).ToDictionary(g => "t:" + g.Key, g => g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var wordsByKey = words.Keys.GroupBy(w => SearchIndexLayout.EndKey(w)).ToDictionary(g => "e:" + g.Key, g => g.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var made = new List<Document>();
        foreach (var (key, fingerprint) in toMake.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var name = key[2..];
            var files = new List<Document>();
            if (key.StartsWith("t:", StringComparison.Ordinal))
            {
                var terms = termsByKey.GetValueOrDefault(key) ?? [];
                string? External(string term) => postings[term].Count / 3 > SearchIndexLayout.InlinePostings ? SearchIndexLayout.TermFileName(term) : null;
                var synonymsOfKey = synonyms.TryGetValue(name, out var entriesOfKey) ? entriesOfKey : [];
                var alternatives = synonymsOfKey
                    .SelectMany(s => s.Item2).SelectMany(e => e.Item2).SelectMany(a => a.Split(' '))
                    .Where(postings.ContainsKey).Distinct().Order(StringComparer.Ordinal)
                    .Select(t => (t, External(t))).ToList();
                files.Add(JsonFile($"{folder}terms/{name}.json", SearchIndexJson.TermShard(
                    terms.Select(t => (t, (IReadOnlyList<int>)postings[t])).ToList(),
                    synonymsOfKey,
                    alternatives,
                    External)));
                foreach (var term in terms)
                {
                    if (External(term) is { } file)
                    {
                        files.Add(JsonFile($"{folder}terms/{name}/{file}.json", SearchIndexJson.Postings(postings[term])));
                    }
                }
            }
            else
            {
                files.Add(JsonFile($"{folder}ends/{name}.json", SearchIndexJson.EndShard((wordsByKey.GetValueOrDefault(key) ?? []).Select(w => (w, words[w])))));
            }

            CachedFiles.Store(context, "search:" + folder + key, fingerprint, files);
            made.AddRange(files);
        }

        return made;
    }

    /// <summary>The term shards of the terms of a shard's synonyms' alternatives.</summary>
    private static IEnumerable<string> AlternativeKeys(List<(string, IReadOnlyList<(string, IReadOnlyList<string>)>)> synonyms) =>
        synonyms.SelectMany(s => s.Item2).SelectMany(e => e.Item2).SelectMany(a => a.Split(' ')).Select(SearchIndexLayout.TermKey).Distinct();

    /// <summary>The synonyms by the term shard of their phrase's first term, then by that term.</summary>
    private static SortedDictionary<string, List<(string, IReadOnlyList<(string, IReadOnlyList<string>)>)>> SynonymsByKey(SynonymList list)
    {
        var byKey = new SortedDictionary<string, List<(string, IReadOnlyList<(string, IReadOnlyList<string>)>)>>(StringComparer.Ordinal);
        foreach (var group in list.Entries.GroupBy(e => e.Phrase.Split(' ')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var key = SearchIndexLayout.TermKey(group.Key);
            if (!byKey.TryGetValue(key, out var entries))
            {
                byKey[key] = entries = [];
            }

            entries.Add((group.Key, group.Select(e => (e.Phrase, e.Alternatives)).ToList()));
        }

        return byKey;
    }

    private static Document JsonFile(string destination, byte[] utf8) => new(null, destination, DocumentContent.FromUtf8(utf8));
}
