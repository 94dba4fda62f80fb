using KneeGuide.Cli.Reporting;
using KneeGuide.Core;

namespace KneeGuide.Tests.Reporting;

/// <summary>What `serve` prints after a rebuild: new warnings and every error, not the standing warnings again.</summary>
public sealed class RebuildDiagnosticsTests
{
    private static readonly Diagnostic Hard = new("KG1501", Severity.Warning, "input/articles/a.md", 4, 1, "reading age 14");
    private static readonly Diagnostic Other = new("KG1501", Severity.Warning, "input/articles/b.md", 9, 1, "reading age 13");
    private static readonly Diagnostic Broken = new("KG2002", Severity.Error, "input/articles/a.md", 12, 5, "'#x' is not an id");

    [Fact]
    public void The_first_build_prints_everything()
    {
        var (print, unchanged) = new RebuildDiagnostics().Next([Broken, Hard, Other]);

        Assert.Equal([Broken, Hard, Other], print);
        Assert.Equal(0, unchanged);
    }

    [Fact]
    public void A_rebuild_prints_new_warnings_and_every_error_and_counts_the_standing_warnings()
    {
        var shown = new RebuildDiagnostics();
        shown.Next([Broken, Hard]);

        var (print, unchanged) = shown.Next([Broken, Hard, Other]);

        Assert.Equal([Broken, Other], print);
        Assert.Equal(1, unchanged);
    }

    [Fact]
    public void A_warning_that_went_away_and_came_back_is_printed_again()
    {
        var shown = new RebuildDiagnostics();
        shown.Next([Hard]);
        shown.Next([]);

        Assert.Equal([Hard], shown.Next([Hard]).Print);
    }
}
