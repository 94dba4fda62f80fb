using System.Text.RegularExpressions;

namespace KneeGuide.Site.Readability;

/// <summary>Counts of a piece of text, as a readability formula needs them.</summary>
public readonly record struct TextCounts(int Sentences, int Words, int Syllables)
{
    public static TextCounts operator +(TextCounts a, TextCounts b) => new(a.Sentences + b.Sentences, a.Words + b.Words, a.Syllables + b.Syllables);
}

/// <summary>A text's score: its reading age (years), and the formula's own figure for the message.</summary>
public readonly record struct ReadabilityScore(double ReadingAge, string Figure);

/// <summary>
/// A readability formula for one language: how it splits words and counts syllables, and how it
/// turns the counts into a reading age. English uses Flesch-Kincaid; another language plugs in its
/// own (<see cref="FernandezHuerta"/> for Spanish) through <see cref="ReadabilityFormulas.For"/>.
/// </summary>
public interface IReadabilityFormula
{
    /// <summary>The language code it is for ("en").</summary>
    string Language { get; }

    /// <summary>The syllables of one word (a span of the sentence: scoring a page makes no string per word).</summary>
    int Syllables(ReadOnlySpan<char> word);

    ReadabilityScore Score(TextCounts counts);
}

public static partial class ReadabilityFormulas
{
    private static readonly IReadOnlyDictionary<string, IReadabilityFormula> ByLanguage = new Dictionary<string, IReadabilityFormula>(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new FleschKincaid(),
        ["es"] = new FernandezHuerta(),
    };

    /// <summary>The formula for a language ("en", "en-GB", "es"), or null when there is none yet (the page is not scored).</summary>
    public static IReadabilityFormula? For(string language)
    {
        var code = language.Split('-', '_')[0];
        return ByLanguage.GetValueOrDefault(code);
    }

    /// <summary>Runs of letters (with inner apostrophes and hyphens) and numbers: the words of a text.</summary>
    [GeneratedRegex(@"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    public static partial Regex WordPattern();
}

/// <summary>
/// Flesch-Kincaid grade level (US school grade) for English: 0.39 × words per sentence + 11.8 ×
/// syllables per word − 15.59. A reading age is the grade plus 5 (grade 6 is read at 11), as the
/// UK's plain-language guidance counts it.
/// </summary>
public sealed class FleschKincaid : IReadabilityFormula
{
    public string Language => "en";

    public ReadabilityScore Score(TextCounts c)
    {
        if (c.Words == 0 || c.Sentences == 0)
        {
            return new(0, "grade 0");
        }

        var grade = (0.39 * c.Words / c.Sentences) + (11.8 * c.Syllables / c.Words) - 15.59;
        return new(Math.Max(5, grade + 5), FormattableString.Invariant($"Flesch-Kincaid grade {grade:0.0}"));
    }

    /// <summary>Vowel groups, less a silent final e; numbers count as one; every word has at least one.</summary>
    public int Syllables(ReadOnlySpan<char> word)
    {
        if (word.Length == 0)
        {
            return 0;
        }

        if (char.IsDigit(word[0]))
        {
            return 1;
        }

        // Lower-cased without its apostrophes, in a buffer on the stack: this runs for every word of
        // every page, and a string (or three) per word was most of the readability check's garbage.
        Span<char> lower = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        var length = 0;
        foreach (var ch in lower)
        {
            if (ch is not ('\'' or '’'))
            {
                lower[length++] = ch;
            }
        }

        ReadOnlySpan<char> w = lower[..length];
        var total = 0;
        foreach (var range in w.Split('-'))
        {
            if (w[range] is { IsEmpty: false } part)
            {
                total += PartSyllables(part);
            }
        }

        return Math.Max(1, total);
    }

    private static int PartSyllables(ReadOnlySpan<char> w)
    {
        if (w.Length <= 3)
        {
            return 1;
        }

        var count = 0;
        var previousVowel = false;
        foreach (var ch in w)
        {
            var vowel = ch is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !previousVowel)
            {
                count++;
            }

            previousVowel = vowel;
        }

        // A final "e" is mostly silent (make, stone), but not in "-le" after a consonant (table)
        // and not when it is the only vowel; "-es" and "-ed" endings mostly add no syllable.
        if (w[^1] == 'e' && !(w.EndsWith("le") && w.Length > 2 && !IsVowel(w[^3])) && count > 1)
        {
            count--;
        }
        else if ((w.EndsWith("es") || w.EndsWith("ed")) && count > 1 && w.Length > 3
            && !(w[^3] is 't' or 'd' && w.EndsWith("ed")) && !((w[^3] is 's' or 'x' or 'z' or 'c' or 'g' || w.EndsWith("ches") || w.EndsWith("shes")) && w.EndsWith("es")))
        {
            count--;
        }

        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}

/// <summary>
/// Fernández-Huerta for Spanish, in its corrected form: 206.84 − 60 × syllables per word − 1.02 ×
/// words per sentence (the often-quoted "sentences per 100 words" makes longer sentences read
/// easier), on Flesch's 0-100 ease scale, turned into a reading age as Flesch's bands are (90-100 is
/// read at 10 to 11, 60-70 at 13 to 15).
/// </summary>
public sealed class FernandezHuerta : IReadabilityFormula
{
    public string Language => "es";

    public ReadabilityScore Score(TextCounts c)
    {
        if (c.Words == 0 || c.Sentences == 0)
        {
            return new(0, "ease 100");
        }

        var ease = 206.84 - (60.0 * c.Syllables / c.Words) - (1.02 * c.Words / c.Sentences);
        // Flesch's bands: each 10 points below 100 is about a year of schooling more.
        var age = 10 + ((100 - Math.Clamp(ease, 0, 100)) / 10);
        return new(age, FormattableString.Invariant($"Fernández-Huerta ease {ease:0}"));
    }

    /// <summary>Vowel groups, where a strong vowel (a, e, o) next to another strong one starts a new syllable (hiatus) and an accented í or ú breaks a diphthong.</summary>
    public int Syllables(ReadOnlySpan<char> word)
    {
        if (word.Length == 0)
        {
            return 0;
        }

        if (char.IsDigit(word[0]))
        {
            return 1;
        }

        Span<char> w = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(w);
        var count = 0;
        var previous = '\0';
        foreach (var ch in w)
        {
            if (!IsVowel(ch))
            {
                previous = '\0';
                continue;
            }

            if (previous == '\0' || (IsStrong(previous) && IsStrong(ch)))
            {
                count++;
            }

            previous = ch;
        }

        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => "aeiouáéíóúü".Contains(c) || c == 'y';

    // Accented í and ú are strong: they never join a diphthong (país, río).
    private static bool IsStrong(char c) => "aeoáéóíú".Contains(c);
}
