using KneeGuide.Core;
using KneeGuide.Site;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.ReviewGovernance;

namespace KneeGuide.Tests.Cli;

/// <summary>Review governance on the clinic's own site: four pages reviewed on 2026-10-01, every 365 days.</summary>
public sealed class ReviewDatesTests : IDisposable
{
    private readonly string _temp = ServeTestSupport.CopyDefaultSite();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private Task<BuildResult> BuildOn(DateOnly today, bool strict = false, string output = "out") =>
        SiteBuilder.BuildAsync(new BuildOptions(Path.Combine(_temp, "input"), Path.Combine(_temp, output), ServeTestSupport.Theme) { Today = today, Strict = strict });

    [Fact]
    public async Task Overdue_review_warns_at_the_reviewed_line_and_fails_only_with_strict()
    {
        var relaxed = await BuildOn(new DateOnly(2027, 10, 3));
        var overdue = Assert.Single(relaxed.Diagnostics, d => d.File!.EndsWith("articles/runners-knee.md", StringComparison.Ordinal));
        Assert.Equal((ErrorCodes.ReviewOverdue, Severity.Warning, 6), (overdue.Code, overdue.Severity, overdue.Line));
        Assert.Contains("overdue by 2 days", overdue.Message);
        Assert.True(relaxed.Published);

        var strict = await BuildOn(new DateOnly(2027, 10, 3), strict: true, output: "strict-out");
        Assert.False(strict.Published);
        Assert.Equal(4, strict.Diagnostics.Count(d => d.Code == ErrorCodes.ReviewOverdue && d.Severity == Severity.Error));
        Assert.False(Directory.Exists(Path.Combine(_temp, "strict-out")));
    }

    [Fact]
    public async Task Due_soon_warns_without_failing_strict_and_the_date_never_changes_the_output()
    {
        var soon = await BuildOn(new DateOnly(2027, 9, 20), strict: true, output: "soon");
        Assert.True(soon.Published);
        Assert.Equal(4, soon.Diagnostics.Count(d => d.Code == ErrorCodes.ReviewDueSoon && d.Message.Contains("due in 11 days")));

        var today = await BuildOn(new DateOnly(2026, 11, 25), output: "today");
        Assert.DoesNotContain(today.Diagnostics, d => d.Code is ErrorCodes.ReviewDueSoon or ErrorCodes.ReviewOverdue);
        foreach (var file in Directory.GetFiles(Path.Combine(_temp, "today"), "*", SearchOption.AllDirectories))
        {
            var twin = Path.Combine(_temp, "soon", Path.GetRelativePath(Path.Combine(_temp, "today"), file));
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(twin));
        }
    }

    [Fact]
    public void The_reviews_listing_orders_pages_by_due_date_and_lists_unreviewed_pages_first()
    {
        var article = Path.Combine(_temp, "input", "articles", "knee-issues.md");
        var text = File.ReadAllText(article);
        File.WriteAllText(article, text.Replace("  on: 2026-10-01", "  on: 2025-01-15", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_temp, "input", "articles", "unreviewed.md"), "---\ntitle: Unreviewed\ndescription: d\ndate: 2026-01-01\n---\nText.\n");

        var policy = new ReviewPolicy(new DateOnly(2026, 11, 25), 365, false);
        var entries = ReviewSchedule.Collect(Path.Combine(_temp, "input"), policy, new DiagnosticBag(), out _);

        Assert.Equal(5, entries.Count);
        Assert.Equal((ReviewState.NeverReviewed, "Unreviewed"), (entries[0].State, entries[0].Title));
        Assert.Equal((ReviewState.Overdue, new DateOnly(2026, 1, 15)), (entries[1].State, entries[1].Due));
        Assert.All(entries.Skip(2), e => Assert.Equal(ReviewState.Current, e.State));
    }
}
