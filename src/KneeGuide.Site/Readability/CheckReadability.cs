using System.Globalization;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Readability;

/// <summary>
/// The words of a page by paragraph (list items and an exercise's steps each count as one), with
/// where each starts: from RenderMarkdown to <see cref="CheckReadability"/>, which removes it.
/// </summary>
public sealed record ReadableText(IReadOnlyList<(string Text, SourceLocation At)> Paragraphs);

/// <summary>
/// Process phase, after RenderMarkdown: scores each page with its language's formula. A page whose
/// reading age is above site.yml's target gets a warning at each of its hardest paragraphs (at most
/// three), naming the longest sentence there. Pages in a language without a formula, and pages too
/// short to score fairly, are left alone.
/// </summary>
public sealed class CheckReadability(SiteInputs inputs) : ParallelModule
{
    /// <summary>Fewer words than this and a formula says more about one sentence than about the page.</summary>
    public const int MinimumWords = 60;

    /// <summary>Paragraphs shorter than this are not named as the hardest (a heading-like line or a caption).</summary>
    private const int MinimumParagraphWords = 8;

    private const int MostWarnings = 3;

    /// <summary>A scorer per language: a translation is scored with its own language's formula.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReadabilityScorer?> _scorers = new(StringComparer.Ordinal);

    private ReadabilityScorer? ScorerFor(string language) => _scorers.GetOrAdd(language, l =>
        ReadabilityFormulas.For(l) is { } formula ? new ReadabilityScorer(formula, inputs.Config.Readability.MedicalTerms) : null);

    protected override Document? Execute(Document input, IDocumentContext context)
    {
        if (input.Get<ReadableText>() is not { } text)
        {
            return input;
        }

        var document = input.Without<ReadableText>();
        context.Reads.Read(context.GetService<SiteFacts>(), SiteFacts.ConfigKey);
        var settings = inputs.Config.Readability;
        if (!settings.Check || input.Get<ContentPage>() is not { Failed: false } page || ScorerFor(page.Language ?? inputs.Config.Language) is not { } scorer)
        {
            return document;
        }

        foreach (var diagnostic in Check(scorer, text.Paragraphs, settings.TargetAge))
        {
            context.Diagnostics.Add(diagnostic);
        }

        return document;
    }

    /// <summary>The warnings for a page's paragraphs against a target reading age (none when it meets it).</summary>
    public static IReadOnlyList<Diagnostic> Check(ReadabilityScorer scorer, IReadOnlyList<(string Text, SourceLocation At)> paragraphs, int target)
    {
        var scored = paragraphs.Select(p => (p.At, Score: scorer.Paragraph(p.Text))).Where(p => p.Score.Counts.Words > 0).ToList();
        var total = scored.Aggregate(default(TextCounts), (sum, p) => sum + p.Score.Counts);
        if (total.Words < MinimumWords)
        {
            return [];
        }

        var page = scorer.Score(total);
        var pageAge = (int)Math.Round(page.ReadingAge, MidpointRounding.AwayFromZero);
        if (pageAge <= target)
        {
            return [];
        }

        var candidates = scored.Where(p => p.Score.Counts.Words >= MinimumParagraphWords).OrderByDescending(p => p.Score.Score.ReadingAge).ThenBy(p => p.At.Line).ToList();
        var hardest = candidates.Where(p => Math.Round(p.Score.Score.ReadingAge, MidpointRounding.AwayFromZero) > target).Take(MostWarnings).ToList();
        if (hardest.Count == 0)
        {
            hardest = candidates.Take(1).ToList();
        }

        return hardest.OrderBy(p => p.At.Line).Select(p =>
        {
            var longest = p.Score.Longest!;
            var age = (int)Math.Round(p.Score.Score.ReadingAge, MidpointRounding.AwayFromZero);
            return Diagnostic.Warning(
                ErrorCodes.HardToRead,
                p.At,
                string.Create(CultureInfo.InvariantCulture,
                    $"this page needs a reading age of {pageAge} ({page.Figure}), above the target of {target}; this paragraph needs {age}, and its longest sentence has {longest.Counts.Words} words: \"{Shorten(longest.Text)}\". Split long sentences and use shorter, everyday words (a medical word the page explains can go in site.yml's readability.medical_terms)"));
        }).ToList();
    }

    private static string Shorten(string sentence) => sentence.Length <= 90 ? sentence : sentence[..87].TrimEnd() + "...";
}
