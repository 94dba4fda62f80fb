using System.Collections.Concurrent;
using System.Collections.Frozen;
using KneeGuide.Site.Search.Stemming;

namespace KneeGuide.Site.Search;

/// <summary>
/// How search reads one language: its stemmer, its stop words and its built-in synonyms. Everything
/// the index of a language is made with is a function of the language code, so a second language
/// gets its own index (stems, stop words, synonyms) by asking for it. Stop words travel in the
/// index's manifest, so the browser drops exactly the words the build dropped.
/// </summary>
public sealed class SearchLanguage
{
    private static readonly ConcurrentDictionary<string, SearchLanguage> Known = new(StringComparer.Ordinal);

    private SearchLanguage(string code)
    {
        Code = code;
        Stemmer = Stemmer.For(code);
        StopWords = StopWordsOf(code).Select(AccentFolding.Fold).ToFrozenSet(StringComparer.Ordinal);
        StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        BuiltInSynonyms = SynonymList.BuiltIn(code);
    }

    /// <summary>The primary language code, lower case: "en", "es".</summary>
    public string Code { get; }

    /// <summary>The language's stemmer; null for a language without one (its words are indexed as they are).</summary>
    public Stemmer? Stemmer { get; }

    /// <summary>Words too common to help find a page, accents folded: neither indexed nor searched for.</summary>
    public FrozenSet<string> StopWords { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup { get; }

    /// <summary>The synonym groups KneeGuide ships for this language (Search/Languages/&lt;code&gt;.synonyms.txt).</summary>
    public IReadOnlyList<IReadOnlyList<string>> BuiltInSynonyms { get; }

    /// <summary>The language for a code such as "en", "en-GB" or "es" (case does not matter).</summary>
    public static SearchLanguage For(string languageCode)
    {
        ArgumentNullException.ThrowIfNull(languageCode);
        var primary = languageCode.Split('-', '_')[0].Trim().ToLowerInvariant();
        return Known.GetOrAdd(primary.Length > 0 ? primary : "en", static code => new SearchLanguage(code));
    }

    /// <summary>
    /// Where the index of the site's language with this code (site.yml's, "pt-BR") is published,
    /// relative to the output: "search/" for the default language, "&lt;code&gt;/search/" for another
    /// one, where that language's pages are (its search page sits in the same folder and reads its
    /// index from there).
    /// </summary>
    public static string IndexFolder(string siteCode, bool isDefault) => isDefault ? "search/" : siteCode + "/search/";

    private static IEnumerable<string> StopWordsOf(string code) => code switch
    {
        // Lucene's English stop words, with the pronouns, question words and auxiliaries that patients
        // put around what they mean ("how often should i stretch my calves").
        "en" =>
        [
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
            "its", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they",
            "this", "to", "was", "will", "with", "from", "so", "were", "has", "have", "had", "you", "your",
            "i", "me", "my", "we", "our", "us", "he", "she", "him", "her", "them", "do", "does", "did",
            "am", "been", "can", "could", "should", "would", "how", "what", "when", "where", "which",
            "who", "why", "all", "any", "some",
        ],
        "es" =>
        [
            "de", "la", "que", "el", "en", "y", "a", "los", "del", "se", "las", "por", "un", "para", "con",
            "una", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o", "este", "porque",
            "esta", "entre", "cuando", "muy", "sobre", "también", "me", "hasta", "hay", "donde", "quien",
            "desde", "nos", "les", "ni", "ese", "eso", "esto", "mi", "mis", "tu", "tus", "te", "yo", "qué",
            "cómo", "es", "son", "soy", "estoy", "está",
        ],
        _ => [],
    };
}
