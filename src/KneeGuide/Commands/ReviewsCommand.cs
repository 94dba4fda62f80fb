using System.Globalization;
using KneeGuide.Core;
using KneeGuide.Site.ReviewGovernance;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KneeGuide.Cli.Commands;

/// <summary><c>kneeguide reviews</c>: every article and mobility page by review due date, most urgent first.</summary>
public sealed class ReviewsCommand : Command<ReviewsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-i|--input <DIR>")]
        [System.ComponentModel.Description("The content folder (default: input).")]
        [System.ComponentModel.DefaultValue("input")]
        public string Input { get; init; } = "input";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var entries = ReviewSchedule.Collect(settings.Input, null, diagnostics, out var policy);
        foreach (var d in diagnostics.Sorted())
        {
            Console.Error.WriteLine(d.ToString());
        }

        var title = $"Clinical reviews (every {policy.IntervalDays} days; today {Iso(policy.Today)})";
        if (Console.IsOutputRedirected || AnsiConsole.Profile.Width < WideEnough)
        {
            // Piped or in a narrow terminal, a table would break paths and titles mid-word: one
            // plain line per page instead, which greps, copies and wraps as the terminal likes.
            Console.Out.WriteLine(title);
            foreach (var e in entries)
            {
                var reviewed = e.ReviewedOn is { } on ? $"reviewed {Iso(on)} by {e.ReviewedBy ?? "?"}" : "never reviewed";
                Console.Out.WriteLine($"{(e.Due is { } due ? Iso(due) : "-"),-10}  {PlainStatus(e.State),-14}  {e.File}  \"{e.Title}\"  ({reviewed})");
            }
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).Title(title)
                .AddColumn("Due").AddColumn("Status").AddColumn(new TableColumn("Page").NoWrap()).AddColumn("Reviewed").AddColumn("By");
            foreach (var e in entries)
            {
                table.AddRow(
                    Markup.Escape(e.Due is { } due ? Iso(due) : "-"),
                    Status(e.State),
                    Markup.Escape($"{e.File}\n{e.Title}"),
                    Markup.Escape(e.ReviewedOn is { } on ? Iso(on) : "never"),
                    Markup.Escape(e.ReviewedBy ?? "-"));
            }

            AnsiConsole.Write(table);
        }

        return diagnostics.HasErrors ? Program.ContentErrors : Program.Success;
    }

    /// <summary>Below this many columns the table would have to wrap file paths.</summary>
    private const int WideEnough = 120;

    private static string PlainStatus(ReviewState state) => state switch
    {
        ReviewState.Overdue => "overdue",
        ReviewState.DueSoon => "due soon",
        ReviewState.NeverReviewed => "never reviewed",
        _ => "current",
    };

    private static string Status(ReviewState state) => state switch
    {
        ReviewState.Overdue => "[red]overdue[/]",
        ReviewState.DueSoon => "[yellow]due soon[/]",
        ReviewState.NeverReviewed => "[yellow]never reviewed[/]",
        _ => "[green]current[/]",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
