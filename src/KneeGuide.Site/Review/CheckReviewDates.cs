using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.ReviewGovernance;

/// <summary>
/// Process phase of the content pipelines, after the cached chain (review warnings depend on today's
/// date, so they are worked out on every build, from the page's facts alone): warns at the
/// <c>reviewed</c> line when a page's clinical review falls due within 30 days (KG4001) or is overdue
/// (KG4002; an error with --strict). Pages without a <c>reviewed</c> record are not warned about: the
/// <c>reviews</c> command lists them.
/// </summary>
public sealed class CheckReviewDates : ParallelModule
{
    protected override Document? Execute(Document input, IDocumentContext context)
    {
        var page = input.Get<ContentPage>();
        if (page is null || !page.Published || page.Reviewed is not { } review)
        {
            return input;
        }

        var policy = context.GetService<ReviewPolicy>();
        var state = policy.StateOf(review.On);
        if (state is ReviewState.Current or ReviewState.NeverReviewed)
        {
            return input;
        }

        var at = page.ReviewedAt ?? new SourceLocation(page.Display, 1, 1);
        var due = policy.DueDate(review.On).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var on = review.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (state == ReviewState.Overdue)
        {
            var days = policy.Today.DayNumber - policy.DueDate(review.On).DayNumber;
            var message = $"clinical review overdue by {days} days: reviewed on {on}, due {due} (every {policy.IntervalDays} days); have the page reviewed and update 'reviewed.on'";
            context.Diagnostics.Add(policy.Strict ? Diagnostic.Error(ErrorCodes.ReviewOverdue, at, message) : Diagnostic.Warning(ErrorCodes.ReviewOverdue, at, message));
        }
        else
        {
            var days = policy.DueDate(review.On).DayNumber - policy.Today.DayNumber;
            context.Diagnostics.Add(Diagnostic.Warning(ErrorCodes.ReviewDueSoon, at, $"clinical review due in {days} days, on {due} (reviewed on {on}): plan the review"));
        }

        return input;
    }
}
