using System.Text;

namespace KneeGuide.Site.Search;

/// <summary>
/// Where each part of a language's index lives under its folder (<see cref="SearchLanguage.IndexFolder"/>),
/// and the shard keys; theme/assets/js/search.js finds the same files by the same rules.
/// <list type="bullet">
/// <item><c>manifest.json</c>: the number of pages, which shards exist, the stop words;</item>
/// <item><c>terms/&lt;key&gt;.json</c>: the terms starting with the two-character key, each with its
/// postings, or (for a term on many pages) its page count and the file <c>terms/&lt;key&gt;/&lt;term&gt;.json</c>
/// holding them; and the synonyms of phrases whose first term is there, with where the postings of
/// their alternatives are (so the browser asks for them in the same round as the typed words');</item>
/// <item><c>ends/&lt;key&gt;.json</c>: the words as written ending with the two-character key, with
/// their terms, for typos in a word's first letters and words inside compounds;</item>
/// <item><c>pages/&lt;n&gt;.json</c>: page n's address, title, kind, description and text by section.</item>
/// </list>
/// </summary>
public static class SearchIndexLayout
{
    public const int KeyLength = 2;

    /// <summary>A term with more postings than this gets a file of its own, fetched only when searched for.</summary>
    public const int InlinePostings = 48;

    /// <summary>The term shard of a term: its first two characters, anything outside a-z0-9 as '_'.</summary>
    public static string TermKey(string term) => Key(term.AsSpan(0, Math.Min(KeyLength, term.Length)));

    /// <summary>The word-ending shard of a word: its last two characters, anything outside a-z0-9 as '_'.</summary>
    public static string EndKey(ReadOnlySpan<char> word) => Key(word[Math.Max(0, word.Length - KeyLength)..]);

    /// <summary>The file name of a term's own postings: the term itself when it is plain a-z0-9, else its UTF-8 in hex.</summary>
    public static string TermFileName(string term)
    {
        if (term.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9'))
        {
            return term;
        }

        return "x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(term));
    }

    private static string Key(ReadOnlySpan<char> chars)
    {
        Span<char> key = stackalloc char[chars.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            key[i] = chars[i] is >= 'a' and <= 'z' or >= '0' and <= '9' ? chars[i] : '_';
        }

        return key.ToString();
    }
}
