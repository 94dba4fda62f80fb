namespace KneeGuide.Site.Search;

/// <summary>
/// What one page puts in the search index's term and word shards: each term it contains (sorted)
/// with its impact (its BM25F weight on this page, <see cref="SearchScoring"/>) and the sections it
/// appears in (bit 0: title, description, targets and the text before the first heading; bit i: the
/// i-th heading's section, the last bit standing for every section from there on); and each word as
/// written with its term, sorted by <see cref="SearchIndexLayout.EndKey"/>, for typo and compound
/// look-ups by word ending.
/// </summary>
public sealed class SearchPostings(string[] terms, int[] impacts, int[] masks, string[] words, string[] wordTerms)
{
    public IReadOnlyList<string> Terms { get; } = terms;

    public IReadOnlyList<int> Impacts { get; } = impacts;

    public IReadOnlyList<int> Masks { get; } = masks;

    public IReadOnlyList<string> Words { get; } = words;

    public IReadOnlyList<string> WordTerms { get; } = wordTerms;
}

/// <summary>The page's own search file (pages/&lt;n&gt;.json): address, title, kind, description and its text by section, as UTF-8 JSON.</summary>
public sealed record SearchPageFile(byte[] Json);

/// <summary>
/// A hash of what the page puts in each shard it touches ("t:kn" for the term shard kn, "e:ee" for
/// the word-ending shard ee), keys sorted: the index remakes a shard only when one of these changed.
/// Kept apart from <see cref="SearchPostings"/> so a build that remakes nothing decodes only this.
/// </summary>
public sealed class SearchShards(string[] keys, ulong[] hashes)
{
    public IReadOnlyList<string> Keys { get; } = keys;

    public IReadOnlyList<ulong> Hashes { get; } = hashes;
}

/// <summary>
/// On a site of several languages, an original page's entry as each other language's index holds
/// it while the page has no translation in that language: its words read by that language's
/// analyzer, as that language's queries are (the page file is the page's own).
/// </summary>
public sealed class SearchEntriesInOtherLanguages(IReadOnlyList<SearchEntryInLanguage> entries)
{
    public IReadOnlyList<SearchEntryInLanguage> Entries { get; } = entries;

    public SearchEntryInLanguage? For(string code) => Entries.FirstOrDefault(e => e.Code == code);
}

/// <summary>A page's postings and shard hashes as the index of the language with this code (site.yml's) reads them.</summary>
public sealed record SearchEntryInLanguage(string Code, SearchPostings Postings, SearchShards Shards);
