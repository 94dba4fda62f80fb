using System.Text.RegularExpressions;

namespace KneeGuide.Site.Readability;

/// <summary>One sentence with its counts.</summary>
public sealed record SentenceScore(string Text, TextCounts Counts);

/// <summary>A paragraph's score, its sentences and its longest one.</summary>
public sealed record ParagraphScore(TextCounts Counts, ReadabilityScore Score, IReadOnlyList<SentenceScore> Sentences)
{
    public SentenceScore? Longest => Sentences.OrderByDescending(s => s.Counts.Words).FirstOrDefault();
}

/// <summary>
/// Scores text with a language's formula. Sentences end at '.', '!' or '?' followed by a space (or
/// the end), never at "e.g." and the like; every paragraph (a list item, a step) is at least one
/// sentence. Medical terms from site.yml count as one short word each, so a page that names and
/// explains "patellofemoral" is not marked down for it.
/// </summary>
public sealed partial class ReadabilityScorer
{
    private readonly IReadabilityFormula _formula;
    private readonly Regex? _terms;

    public ReadabilityScorer(IReadabilityFormula formula, IEnumerable<string> medicalTerms)
    {
        _formula = formula;
        var terms = medicalTerms.Select(t => t.Trim()).Where(t => t.Length > 0).OrderByDescending(t => t.Length).Select(Regex.Escape).ToList();
        _terms = terms.Count == 0 ? null : new Regex(@"(?<![\p{L}])(?:" + string.Join('|', terms) + @")(?:s|es)?(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public IReadabilityFormula Formula => _formula;

    public ParagraphScore Paragraph(string text)
    {
        var sentences = Sentences(text).Select(s => new SentenceScore(s, Count(s))).Where(s => s.Counts.Words > 0).ToList();
        var counts = sentences.Aggregate(default(TextCounts), (total, s) => total + s.Counts);
        return new ParagraphScore(counts, _formula.Score(counts), sentences);
    }

    public ReadabilityScore Score(TextCounts counts) => _formula.Score(counts);

    /// <summary>One sentence's counts (1 sentence, its words and syllables).</summary>
    private TextCounts Count(string sentence)
    {
        var text = _terms is null ? sentence : _terms.Replace(sentence, "term");
        var words = 0;
        var syllables = 0;
        foreach (var word in ReadabilityFormulas.WordPattern().EnumerateMatches(text))
        {
            words++;
            syllables += _formula.Syllables(text.AsSpan(word.Index, word.Length));
        }

        return new TextCounts(words > 0 ? 1 : 0, words, syllables);
    }

    public static IEnumerable<string> Sentences(string text)
    {
        var protectedText = Abbreviation().Replace(text.Replace('\n', ' '), m => m.Value.Replace('.', '\u2024'));
        foreach (var part in SentenceEnd().Split(protectedText))
        {
            var sentence = part.Replace('\u2024', '.').Trim();
            if (sentence.Length > 0)
            {
                yield return sentence;
            }
        }
    }

    [GeneratedRegex(@"(?<=[.!?…])[""'”’)\]]*\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(?:e\.g|i\.e|etc|approx|Dr|Mr|Mrs|Ms|vs)\.", RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviation();
}
