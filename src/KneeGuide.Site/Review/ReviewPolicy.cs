namespace KneeGuide.Site.ReviewGovernance;

/// <summary>
/// When clinical reviews fall due. "Today" is injected (BuildOptions.Today) so tests and reproducible
/// builds can pin it; it only ever changes warnings, never the files a build produces.
/// </summary>
public sealed record ReviewPolicy(DateOnly Today, int IntervalDays, bool Strict)
{
    /// <summary>How long before the due date the build starts warning.</summary>
    public const int DueSoonDays = 30;

    public DateOnly DueDate(DateOnly reviewedOn) => reviewedOn.AddDays(IntervalDays);

    public ReviewState StateOf(DateOnly? reviewedOn)
    {
        if (reviewedOn is not { } on)
        {
            return ReviewState.NeverReviewed;
        }

        var daysLeft = DueDate(on).DayNumber - Today.DayNumber;
        return daysLeft < 0 ? ReviewState.Overdue : daysLeft <= DueSoonDays ? ReviewState.DueSoon : ReviewState.Current;
    }

    public static DateOnly RealToday() => DateOnly.FromDateTime(DateTime.Now);
}

public enum ReviewState
{
    Overdue,
    DueSoon,
    Current,
    NeverReviewed,
}
