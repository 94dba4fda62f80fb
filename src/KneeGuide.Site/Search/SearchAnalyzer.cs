using System.Globalization;

namespace KneeGuide.Site.Search;

/// <summary>
/// How text becomes search terms, for one language: lower case; split on anything that is not a letter
/// or digit (an apostrophe inside a word is dropped: runner's = runners); stop words and one-letter
/// words left out; each word stemmed with its accents still on (Spanish endings depend on them), then
/// accents folded. theme/assets/js/search-analyzer.js does exactly the same in the browser, and
/// tests/KneeGuide.Tests/Search/AnalyzerVectors holds sentences both must read alike.
/// </summary>
public sealed class SearchAnalyzer(SearchLanguage language)
{
    /// <summary>Longer "words" (hashes, run-together URLs) are left out of the index.</summary>
    public const int MaxWordLength = 40;

    public SearchLanguage Language { get; } = language;

    /// <summary>
    /// Receives one word: as written (lower case, accents folded) and as the term it is indexed under.
    /// The span is only valid during the call.
    /// </summary>
    public delegate void WordHandler(ReadOnlySpan<char> surface, string term);

    /// <summary>
    /// Calls <paramref name="onWord"/> for each word of the text, in order. With
    /// <paramref name="compounds"/>, a hyphenated word ("step-downs") is also given joined up
    /// ("stepdowns"), after its parts, so that a reader who types it as one word finds it.
    /// </summary>
    public void Analyze(ReadOnlySpan<char> text, WordHandler onWord, bool compounds = false)
    {
        Span<char> word = stackalloc char[MaxWordLength];
        Span<char> joined = stackalloc char[MaxWordLength];
        var length = 0; // characters in the current word; past MaxWordLength only counted
        var joinedLength = 0;
        var parts = 0; // words joined by hyphens so far
        for (var i = 0; i <= text.Length; i++)
        {
            var raw = i < text.Length ? text[i] : ' ';
            if (IsApostrophe(raw) || (!char.IsAscii(raw) && CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark))
            {
                continue; // runner's -> runners; a combining accent typed after its letter
            }

            if (char.IsLetterOrDigit(raw))
            {
                var c = char.ToLowerInvariant(raw);
                if (length < MaxWordLength)
                {
                    word[length] = c;
                }

                if (joinedLength < MaxWordLength)
                {
                    joined[joinedLength] = c;
                }

                length++;
                joinedLength++;
                continue;
            }

            var hyphen = IsHyphen(raw) && length > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            Emit(word[..Math.Min(length, MaxWordLength)], length, onWord);
            length = 0;
            if (hyphen)
            {
                parts++;
                continue;
            }

            if (compounds && parts > 0)
            {
                Emit(joined[..Math.Min(joinedLength, MaxWordLength)], joinedLength, onWord);
            }

            joinedLength = 0;
            parts = 0;
        }
    }

    /// <summary>The terms of a text (no compounds): what a query, or a synonym, is looked up by.</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        Analyze(text, (_, term) => terms.Add(term));
        return terms;
    }

    private void Emit(ReadOnlySpan<char> word, int length, WordHandler onWord)
    {
        if (length < 2 || length > MaxWordLength)
        {
            return;
        }

        Span<char> folded = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            folded[i] = AccentFolding.Fold(word[i]);
        }

        if (Language.StopWordLookup.Contains(folded))
        {
            return;
        }

        var term = Language.Stemmer is { } stemmer ? AccentFolding.Fold(stemmer.Stem(word)) : folded.ToString();
        onWord(folded, term);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';
}
