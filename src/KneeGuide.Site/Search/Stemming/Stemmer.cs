using Lucene.Net.Tartarus.Snowball.Ext;

namespace KneeGuide.Site.Search.Stemming;

/// <summary>
/// Reduces a word to its stem, so that "stretched", "stretching" and "stretches" all index (and are
/// found) as "stretch". theme/assets/js/stemmers.js implements the same algorithms for the browser;
/// tests/KneeGuide.Tests/Search/StemmerVectors/ holds the words both must stem identically.
/// Instances are shared and safe to call from any number of threads.
/// </summary>
public abstract class Stemmer
{
    // One instance per language for the whole process: each keeps a memo of the words it has stemmed,
    // which only pays off if every caller shares it.
    private static readonly Stemmer English = new SnowballStemmer("en", static () => new EnglishStemmer());
    private static readonly Stemmer Spanish = new SnowballStemmer("es", static () => new SpanishStemmer());

    private protected Stemmer(string languageCode)
    {
        LanguageCode = languageCode;
    }

    /// <summary>The language this stemmer is for: "en" or "es".</summary>
    public string LanguageCode { get; }

    /// <summary>
    /// The stemmer for a language code ("en", "es"; case and a region subtag such as "en-GB" do not
    /// matter), or null for a language without one, whose words are then indexed as they are.
    /// </summary>
    public static Stemmer? For(string languageCode)
    {
        ArgumentNullException.ThrowIfNull(languageCode);
        var primary = languageCode.AsSpan();
        var separator = primary.IndexOfAny('-', '_');
        if (separator >= 0)
        {
            primary = primary[..separator];
        }

        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase))
        {
            return English;
        }

        return primary.Equals("es", StringComparison.OrdinalIgnoreCase) ? Spanish : null;
    }

    /// <summary>
    /// The stem of a lower-case word. Accents must still be there (Spanish suffixes such as "-ación"
    /// depend on them): stem first, fold accents after.
    /// </summary>
    public abstract string Stem(string lowercaseWord);

    /// <summary>The same as <see cref="Stem(string)"/> for a word the tokenizer hands over as a span: no string is allocated for a word stemmed before.</summary>
    public abstract string Stem(ReadOnlySpan<char> lowercaseWord);
}
