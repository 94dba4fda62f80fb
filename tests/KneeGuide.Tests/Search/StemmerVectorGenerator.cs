using System.Text;
using KneeGuide.Tests.Support;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace KneeGuide.Tests.Search;

/// <summary>
/// Makes the shared stemmer vectors from the reference, Lucene.Net's Snowball stemmers called directly
/// (not through KneeGuide's Stemmer, which the vectors test): every word of the site's content, a few
/// words chosen for the algorithms' special cases, and a deterministic sample of a dictionary. Run by
/// <see cref="StemmerVectorRegeneration"/>; StemmerVectors/README.md says how.
/// </summary>
internal static class StemmerVectorGenerator
{
    /// <summary>At most this many lines a file: enough to cover the suffixes, small enough to review and to run in a browser quickly.</summary>
    public const int MaxLines = 30_000;

    /// <summary>Debian's word lists: wamerican and wspanish.</summary>
    public static readonly IReadOnlyDictionary<string, string> DictionaryFiles = new Dictionary<string, string>
    {
        ["en"] = "/usr/share/dict/words",
        ["es"] = "/usr/share/dict/spanish",
    };

    /// <summary>
    /// Words for the special cases, whether or not the dictionary sample happens to hold them:
    /// English's exceptional words, its fixed R1 prefixes and "y" handling; Spanish's attached
    /// pronouns, "-yendo" and "gu-" endings.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> SpecialCases = new Dictionary<string, string[]>
    {
        ["en"] =
        [
            "skis", "skies", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only", "singly",
            "sky", "news", "howe", "atlas", "cosmos", "bias", "andes",
            "inning", "innings", "outing", "outings", "canning", "herring", "herrings", "earring", "earrings",
            "proceed", "proceeded", "exceed", "exceeding", "succeed", "succeeds",
            "generate", "generously", "general", "communism", "community", "arsenal", "arsenic",
            "yes", "yelling", "yyy", "sayings", "enjoying", "toys", "boyish", "cries", "ties", "dies", "gas", "gaps",
            "kiwis", "bus", "class", "caresses", "hoping", "hopping", "feed", "agreed", "bled", "bleed", "luxuriated",
            "ab", "abc", "by", "cry", "say", "fly", "flying", "fluently", "sensational", "conditional", "hopeful",
            "goodness", "electrical", "formative", "adjustment", "adoption", "controlling", "rolling", "café", "naïve",
        ],
        ["es"] =
        [
            "dándoselo", "dándoselos", "haciéndolo", "cómpralo", "comérselo", "partirlo", "decírselas", "acercándonos",
            "arguyendo", "construyendo", "atribuyeron", "huyó", "huyendo", "leyendo", "yendo",
            "averigüé", "averiguen", "averiguemos", "lleguemos", "siguen", "guerra", "agüero", "pingüino",
            "naturalmente", "rápidamente", "felicidades", "habilidades", "activamente", "lógicamente", "amablemente",
            "creativo", "creatividad", "informativas", "organización", "soluciones", "evolución", "tendencias",
            "biología", "arqueologías", "enseñanza", "ñandú", "año", "la", "en", "aire", "oír",
        ],
    };

    public static IReadOnlyList<(string Word, string Stem)> Generate(string language, IEnumerable<string> dictionaryWords, IEnumerable<string> contentWords)
    {
        var reference = ReferenceFor(language);
        string Stem(string word)
        {
            reference.SetCurrent(word);
            reference.Stem();
            return reference.Current;
        }

        var chosen = new HashSet<string>(contentWords.Concat(SpecialCases[language]), StringComparer.Ordinal);
        var dictionary = dictionaryWords.Select(OnlyLetters).Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // Every kind of change the stemmer makes somewhere in the dictionary ("ational" -> "ate",
        // "ing" -> "", "iéndolo" -> "iendo", ...): its first and last word alphabetically.
        foreach (var change in dictionary.GroupBy(word => ChangeOf(word, Stem(word))))
        {
            chosen.Add(change.First());
            chosen.Add(change.Last());
        }

        // Then the other words at evenly spaced places in alphabetical order, as many as fit.
        var rest = dictionary.Where(word => !chosen.Contains(word)).ToList();
        var room = Math.Min(MaxLines - chosen.Count, rest.Count);
        for (var i = 0; i < room; i++)
        {
            chosen.Add(rest[(int)((long)i * rest.Count / room)]);
        }

        return chosen.Order(StringComparer.Ordinal).Select(word => (word, Stem(word))).ToList();
    }

    /// <summary>Every word of the site's Markdown and YAML under input/, lower case: runs of letters, with apostrophes dropped as the search tokenizer drops them.</summary>
    public static IEnumerable<string> ContentWords(string inputDir)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(inputDir, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetExtension(path) is ".md" or ".yml" or ".yaml");
        foreach (var path in files)
        {
            var word = new StringBuilder();
            foreach (var c in File.ReadAllText(path) + " ")
            {
                if (char.IsLetter(c))
                {
                    word.Append(char.ToLowerInvariant(c));
                }
                else if (c is not ('\'' or '\u2019'))
                {
                    if (word.Length >= 2)
                    {
                        words.Add(word.ToString());
                    }

                    word.Clear();
                }
            }
        }

        return words;
    }

    /// <summary>A dictionary entry lower-cased with everything but letters taken out ("Abbot's" -> "abbots"; accents, ñ and ü stay).</summary>
    public static string OnlyLetters(string entry) =>
        string.Concat(entry.Where(char.IsLetter).Select(char.ToLowerInvariant));

    public static SnowballProgram ReferenceFor(string language) => language switch
    {
        "en" => new EnglishStemmer(),
        "es" => new SpanishStemmer(),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "no reference stemmer"),
    };

    /// <summary>What stemming did to the end of a word: "sensational" -> "sensat" is "ional>".</summary>
    private static string ChangeOf(string word, string stem)
    {
        var common = word.AsSpan().CommonPrefixLength(stem);
        return word[common..] + ">" + stem[common..];
    }
}

/// <summary>Rewrites StemmerVectors/*.tsv; skipped unless KNEEGUIDE_REGENERATE_STEMMER_VECTORS=1.</summary>
public sealed class StemmerVectorRegeneration
{
    [RegenerationFact]
    public void Regenerate_the_stemmer_vector_files()
    {
        var contentWords = StemmerVectorGenerator.ContentWords(Path.Combine(TestSite.RepositoryRoot, "input")).ToList();
        foreach (var language in StemmerVectorFiles.Languages)
        {
            var dictionaryFile = StemmerVectorGenerator.DictionaryFiles[language];
            if (!File.Exists(dictionaryFile))
            {
                throw new InvalidOperationException($"{dictionaryFile} is missing: apt-get install -y wamerican wspanish");
            }

            var dictionary = File.ReadAllLines(dictionaryFile, Encoding.UTF8);
            StemmerVectorFiles.Write(language, StemmerVectorGenerator.Generate(language, dictionary, contentWords));
        }
    }

    private sealed class RegenerationFactAttribute : FactAttribute
    {
        public const string Variable = "KNEEGUIDE_REGENERATE_STEMMER_VECTORS";

        public RegenerationFactAttribute()
        {
            if (Environment.GetEnvironmentVariable(Variable) != "1")
            {
                Skip = $"rewrites the stemmer vectors; run with {Variable}=1 (StemmerVectors/README.md)";
            }
        }
    }
}
