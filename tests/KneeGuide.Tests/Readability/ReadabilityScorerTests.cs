using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Readability;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Readability;

public sealed class ReadabilityScorerTests
{
    private static readonly FleschKincaid English = new();

    [Theory]
    [InlineData("knee", 1)]
    [InlineData("the", 1)]
    [InlineData("make", 1)]
    [InlineData("table", 2)]
    [InlineData("running", 2)]
    [InlineData("exercise", 3)]
    [InlineData("physiotherapist", 5)]
    [InlineData("patellofemoral", 6)]
    [InlineData("stretches", 2)]
    [InlineData("hoped", 1)]
    [InlineData("rested", 2)]
    [InlineData("one-on-one", 3)]
    [InlineData("15", 1)]
    public void English_syllables_are_counted_by_vowel_groups_with_a_silent_final_e(string word, int syllables) =>
        Assert.Equal(syllables, English.Syllables(word));

    [Fact]
    public void Flesch_Kincaid_grade_follows_the_published_formula_and_reading_age_is_grade_plus_five()
    {
        // 2 sentences, 20 words, 30 syllables: 0.39 * 10 + 11.8 * 1.5 - 15.59 = 6.01
        var score = English.Score(new TextCounts(2, 20, 30));
        Assert.Equal(11.01, score.ReadingAge, 2);
        Assert.Equal("Flesch-Kincaid grade 6.0", score.Figure);
    }

    [Fact]
    public void Sentences_end_at_full_stops_question_and_exclamation_marks_but_not_at_abbreviations()
    {
        var sentences = ReadabilityScorer.Sentences("Bend your knee, e.g. to a right angle. Does it hurt? Stop! Then rest.").ToList();
        Assert.Equal(["Bend your knee, e.g. to a right angle.", "Does it hurt?", "Stop!", "Then rest."], sentences);
    }

    [Fact]
    public void Short_words_in_short_sentences_read_younger_than_long_words_in_long_sentences()
    {
        var scorer = new ReadabilityScorer(English, []);
        var easy = scorer.Paragraph("Stand tall. Lift one foot. Rise up on your toes. Go down slowly. Do this ten times.");
        var hard = scorer.Paragraph("Patellofemoral pain syndrome, characterised by retropatellar discomfort exacerbated by prolonged flexion, frequently accompanies substantial increases in cumulative training volume without adequate physiological adaptation.");
        Assert.True(easy.Score.ReadingAge < 8, $"easy text scored {easy.Score.ReadingAge}");
        Assert.True(hard.Score.ReadingAge > 18, $"hard text scored {hard.Score.ReadingAge}");
        Assert.Equal(23, hard.Longest!.Counts.Words);
    }

    [Fact]
    public void Medical_terms_from_site_yml_count_as_one_short_word()
    {
        const string text = "Runner's knee is also called patellofemoral pain. A tendinopathy is a sore tendon.";
        var plain = new ReadabilityScorer(English, []).Paragraph(text);
        var withTerms = new ReadabilityScorer(English, ["patellofemoral", "Tendinopathy"]).Paragraph(text);
        Assert.Equal(plain.Counts.Words, withTerms.Counts.Words);
        // patellofemoral (6 syllables) and tendinopathy (5) count as one each.
        Assert.Equal(plain.Counts.Syllables - 5 - 4, withTerms.Counts.Syllables);
        Assert.True(withTerms.Score.ReadingAge < plain.Score.ReadingAge);
    }

    [Fact]
    public void Another_language_plugs_in_its_own_formula()
    {
        Assert.IsType<FleschKincaid>(ReadabilityFormulas.For("en-GB"));
        var spanish = Assert.IsType<FernandezHuerta>(ReadabilityFormulas.For("es"));
        Assert.Null(ReadabilityFormulas.For("xx"));
        Assert.Equal(3, spanish.Syllables("rodilla"));
        Assert.Equal(2, spanish.Syllables("país"));
        Assert.Equal(2, spanish.Syllables("tiene"));
        var scorer = new ReadabilityScorer(spanish, []);
        var easy = scorer.Paragraph("Ponte de pie. Sube los talones. Baja despacio. Hazlo diez veces.");
        Assert.True(easy.Score.ReadingAge <= 11, $"{easy.Score.ReadingAge} ({easy.Score.Figure})");
    }

    [Fact]
    public void A_page_over_the_target_is_warned_at_its_hardest_paragraphs_naming_their_longest_sentence()
    {
        var scorer = new ReadabilityScorer(English, []);
        var easy = string.Join(' ', Enumerable.Repeat("Stand up tall. Lift your foot.", 6));
        var hard = "Considerable individual variability characterises musculoskeletal rehabilitation, particularly regarding appropriate progression of therapeutic loading. Simple words help.";
        var paragraphs = new List<(string, SourceLocation)>
        {
            (easy, new SourceLocation("input/articles/x.md", 5, 1)),
            (hard, new SourceLocation("input/articles/x.md", 9, 1)),
            (hard + " " + hard, new SourceLocation("input/articles/x.md", 12, 3)),
        };

        var warnings = CheckReadability.Check(scorer, paragraphs, 11);

        Assert.Equal([9, 12], warnings.Select(w => w.Line));
        Assert.All(warnings, w => Assert.Equal((ErrorCodes.HardToRead, Severity.Warning), (w.Code, w.Severity)));
        Assert.Contains("above the target of 11", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("its longest sentence has 13 words: \"Considerable individual variability", warnings[0].Message, StringComparison.Ordinal);
        Assert.Empty(CheckReadability.Check(scorer, paragraphs, 25));
        Assert.Empty(CheckReadability.Check(scorer, [paragraphs[1]], 11)); // too short to score fairly
    }

    [Fact]
    public async Task The_build_warns_at_the_file_and_line_of_a_hard_paragraph_until_site_yml_turns_the_check_off()
    {
        using var site = new TestSite();
        site.Write("articles/hard.md", """
            ---
            title: Hard
            description: A hard page.
            date: 2026-01-01
            ---

            Stand tall and lift one foot. Rise up slowly. Go back down. Rest a bit. Do it again. Breathe out as you rise.

            Considerable individual variability characterises musculoskeletal rehabilitation, particularly regarding appropriate progression of therapeutic loading, necessitating individualised professional supervision throughout.

            Considerable individual variability characterises musculoskeletal rehabilitation, particularly regarding appropriate progression of therapeutic loading, necessitating individualised professional supervision throughout.

            Keep the knee soft. Keep your back straight. Stop if it hurts. Try the other leg. Well done.
            """);

        var lines = (await site.BuildAsync()).Diagnostics.Select(site.DescribeRelative).ToList();
        Assert.Contains("KG1501 articles/hard.md:9:1", lines);

        var config = File.ReadAllText(Path.Combine(site.InputDir, "site.yml"));
        site.Write("site.yml", config + "\nreadability:\n  target_age: 11\n  check: false\n");
        Assert.DoesNotContain(await site.DiagnosticLinesAsync(), l => l.StartsWith("KG1501", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_clinics_own_content_meets_its_reading_age_target()
    {
        using var site = new TestSite(withDefaults: false);
        site.CopyRepositoryInput();
        var result = await site.BuildAsync();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == ErrorCodes.HardToRead);
    }
}
