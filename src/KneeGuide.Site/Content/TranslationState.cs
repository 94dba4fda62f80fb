namespace KneeGuide.Site.Content;

/// <summary>Whether a translation still follows its original.</summary>
public enum Freshness
{
    /// <summary>The translation's <c>updated</c> is on or after the original's last change.</summary>
    UpToDate,

    /// <summary>The original changed after the translation's <c>updated</c>.</summary>
    OriginalChanged,

    /// <summary>The translation has no <c>updated</c>, so no one can tell.</summary>
    NoUpdatedDate,
}

/// <summary>
/// A translation's state against its original: the one computation behind warning KG1705, the
/// notice on the page and the <c>translations</c> command, so the three always agree.
/// </summary>
/// <param name="OriginalChanged">The original's last change: <c>updated</c>, else <c>date</c> (articles and mobility pages); null when the original says none.</param>
/// <param name="TranslationUpdated">The translation's own <c>updated</c>.</param>
/// <param name="Reviewed">The translation's own clinical review, null until a clinician has checked it.</param>
public sealed record TranslationState(Freshness Freshness, DateOnly? OriginalChanged, DateOnly? TranslationUpdated, Review? Reviewed)
{
    /// <summary>Behind its original, or impossible to tell: KG1705 and the page's notice.</summary>
    public bool Stale => Freshness != Freshness.UpToDate;

    /// <summary>
    /// Dates, not a hash of the original's words: an editor reads and writes a date, the same key
    /// (<c>updated</c>, "last content change") means the same on every kind of page, and the answer
    /// depends only on the two files (no git history, which Netlify's shallow clones do not have).
    /// An original without <c>updated</c> (an exercise or plain page never marked as changed) has
    /// not changed as far as anyone has said, so a translation with any <c>updated</c> follows it.
    /// </summary>
    public static TranslationState Of(object original, object translation)
    {
        var changed = LastChanged(original);
        var (updated, reviewed) = translation switch
        {
            PageTranslationFrontMatter p => (p.Updated, p.Reviewed),
            ExerciseTranslationFrontMatter e => (e.Updated, e.Reviewed),
            _ => throw new ArgumentException($"not a translation's front matter: {translation.GetType().Name}", nameof(translation)),
        };
        var freshness = updated switch
        {
            null => Freshness.NoUpdatedDate,
            { } u when changed is { } c && c > u => Freshness.OriginalChanged,
            _ => Freshness.UpToDate,
        };
        return new TranslationState(freshness, changed, updated, reviewed);
    }

    /// <summary>When an original last changed by its own account: <c>updated</c>, else <c>date</c> where the kind has one.</summary>
    public static DateOnly? LastChanged(object original) => original switch
    {
        ArticleFrontMatter a => a.Updated ?? a.Date,
        ExerciseFrontMatter e => e.Updated,
        PageFrontMatter p => p.Updated,
        _ => null,
    };
}
