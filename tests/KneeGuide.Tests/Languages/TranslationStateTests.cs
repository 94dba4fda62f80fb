using KneeGuide.Site.Content;

namespace KneeGuide.Tests.Languages;

/// <summary>The one rule behind KG1705, the page's notice and the translations command, for every kind.</summary>
public sealed class TranslationStateTests
{
    private static readonly DateOnly Jan = new(2026, 1, 15);
    private static readonly DateOnly Feb = new(2026, 2, 1);
    private static readonly DateOnly Mar = new(2026, 3, 1);

    private static ArticleFrontMatter Article(DateOnly date, DateOnly? updated = null) => new() { Title = "A", Description = "A.", Date = date, Updated = updated };

    private static PageTranslationFrontMatter PageWords(DateOnly? updated, Review? reviewed = null) => new() { Title = "T", Updated = updated, Reviewed = reviewed };

    private static ExerciseTranslationFrontMatter ExerciseWords(DateOnly? updated) => new() { Title = "T", Summary = "S.", Updated = updated };

    [Fact]
    public void An_articles_updated_after_the_translations_is_original_changed_with_both_dates()
    {
        var state = TranslationState.Of(Article(Jan, updated: Mar), PageWords(Feb));

        Assert.Equal(new TranslationState(Freshness.OriginalChanged, Mar, Feb, null), state);
        Assert.True(state.Stale);
    }

    [Fact]
    public void An_article_without_updated_is_compared_by_its_date()
    {
        Assert.Equal(Freshness.UpToDate, TranslationState.Of(Article(Jan), PageWords(Feb)).Freshness);
        Assert.Equal(Freshness.OriginalChanged, TranslationState.Of(Article(Mar), PageWords(Feb)).Freshness);
    }

    [Fact]
    public void A_translation_updated_the_same_day_as_its_original_is_up_to_date()
    {
        Assert.False(TranslationState.Of(Article(Jan, updated: Feb), PageWords(Feb)).Stale);
    }

    [Fact]
    public void A_translation_without_updated_cannot_be_told_up_to_date_whatever_the_original()
    {
        Assert.Equal(Freshness.NoUpdatedDate, TranslationState.Of(Article(Jan), PageWords(null)).Freshness);
        Assert.Equal(Freshness.NoUpdatedDate, TranslationState.Of(new ExerciseFrontMatter(), ExerciseWords(null)).Freshness);
        Assert.Equal(Freshness.NoUpdatedDate, TranslationState.Of(new PageFrontMatter(), PageWords(null)).Freshness);
    }

    [Fact]
    public void An_exercise_is_compared_by_its_updated()
    {
        var state = TranslationState.Of(new ExerciseFrontMatter { Updated = Mar }, ExerciseWords(Feb));

        Assert.Equal(new TranslationState(Freshness.OriginalChanged, Mar, Feb, null), state);
        Assert.False(TranslationState.Of(new ExerciseFrontMatter { Updated = Jan }, ExerciseWords(Feb)).Stale);
    }

    [Fact]
    public void An_exercise_or_page_never_marked_updated_has_not_changed_so_any_dated_translation_follows_it()
    {
        Assert.Equal(new TranslationState(Freshness.UpToDate, null, Feb, null), TranslationState.Of(new ExerciseFrontMatter(), ExerciseWords(Feb)));
        Assert.Equal(Freshness.UpToDate, TranslationState.Of(new PageFrontMatter(), PageWords(Feb)).Freshness);
    }

    [Fact]
    public void A_plain_pages_updated_after_the_translations_is_original_changed()
    {
        Assert.Equal(Freshness.OriginalChanged, TranslationState.Of(new PageFrontMatter { Updated = Mar }, PageWords(Feb)).Freshness);
    }

    [Fact]
    public void The_translations_own_review_is_carried_whatever_its_freshness()
    {
        var review = new Review { By = "Dr Test, physiotherapist", On = Mar };

        Assert.Same(review, TranslationState.Of(Article(Jan), PageWords(Feb, review)).Reviewed);
        Assert.Same(review, TranslationState.Of(Article(Mar), PageWords(Feb, review)).Reviewed);
    }
}
