using System.Globalization;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using Spectre.Console;
using Spectre.Console.Cli;

namespace KneeGuide.Cli.Commands;

/// <summary>
/// <c>kneeguide translations</c>: every translatable page in every language but the default, with
/// the state of its translation (the build's KG1705 rule) and its clinical review, and the pages not
/// translated yet. <c>--stale</c> lists only the translations behind their original and exits 1
/// when there are any, for a CI step.
/// </summary>
public sealed class TranslationsCommand : Command<TranslationsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-i|--input <DIR>")]
        [System.ComponentModel.Description("The content folder (default: input).")]
        [System.ComponentModel.DefaultValue("input")]
        public string Input { get; init; } = "input";

        [CommandOption("--stale")]
        [System.ComponentModel.Description("List only translations whose original changed after them or that have no updated date; exit 1 if there are any.")]
        public bool Stale { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var entries = TranslationList.Collect(settings.Input, diagnostics, out var languages);
        foreach (var d in diagnostics.Sorted())
        {
            Console.Error.WriteLine(d.ToString());
        }

        if (languages.Count < 2)
        {
            Console.Out.WriteLine($"The site has one language ({languages[0].Code.Value}): list others under languages: in site.yml to translate its pages.");
            return diagnostics.HasErrors ? Program.ContentErrors : Program.Success;
        }

        var stale = entries.Where(e => e.State?.Stale == true).ToList();
        var shown = settings.Stale ? stale : entries;
        var title = $"Translations into {string.Join(", ", languages.Skip(1).Select(l => $"{l.Name} ({l.Code.Value})"))}";
        if (shown.Count == 0)
        {
            Console.Out.WriteLine(settings.Stale ? "Every translation is up to date with its original." : "There is nothing to translate.");
        }
        else if (Console.IsOutputRedirected || AnsiConsole.Profile.Width < WideEnough)
        {
            // Piped or in a narrow terminal, one plain line per translation, as reviews does: paths
            // stay whole, and a line greps and copies.
            Console.Out.WriteLine(title);
            foreach (var e in shown)
            {
                Console.Out.WriteLine($"{e.Language,-5}  {PlainState(e),-14}  {e.File ?? "-"}  (of {e.Original} \"{e.Title}\")  {Detail(e)}");
            }
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).Title(title)
                .AddColumn(new TableColumn("Original").NoWrap()).AddColumn("Language").AddColumn(new TableColumn("Translation").NoWrap()).AddColumn("State").AddColumn("Review");
            foreach (var e in shown)
            {
                table.AddRow(
                    Markup.Escape($"{e.Original}\n{e.Title}"),
                    Markup.Escape(e.Language),
                    Markup.Escape(e.File ?? "-"),
                    Colour(e, Markup.Escape(StateText(e))),
                    Markup.Escape(e.State is null ? "-" : ReviewText(e.State)));
            }

            AnsiConsole.Write(table);
        }

        var behind = stale.Count;
        var missing = entries.Count(e => e.Missing);
        Console.Out.WriteLine($"{Count(entries.Count - missing, "translation")}: {behind} behind {(behind == 1 ? "its" : "their")} original, {entries.Count(e => e.State?.Reviewed is null && !e.Missing)} not reviewed by a clinician; {missing} not translated yet.");
        if (diagnostics.HasErrors)
        {
            return Program.ContentErrors;
        }

        return settings.Stale && behind > 0 ? Program.ContentErrors : Program.Success;
    }

    /// <summary>Below this many columns the table would have to wrap file paths.</summary>
    private const int WideEnough = 120;

    /// <summary>One word or two for the plain listing's state column, so a grep finds every translation in a state.</summary>
    private static string PlainState(TranslationEntry e) => e.State?.Freshness switch
    {
        null => "missing",
        Freshness.UpToDate => "up to date",
        Freshness.OriginalChanged => "behind",
        _ => "no updated",
    };

    private static string Detail(TranslationEntry e) => e.State is null ? StateText(e) : $"{StateText(e)}; {ReviewText(e.State)}";

    internal static string StateText(TranslationEntry e) => e.State switch
    {
        null => $"not translated into {e.Language}",
        { Freshness: Freshness.UpToDate } => "up to date",
        { Freshness: Freshness.OriginalChanged, OriginalChanged: { } changed, TranslationUpdated: { } updated } => $"original changed on {Iso(changed)}, after the translation's updated {Iso(updated)}",
        _ => "no updated date: no one can tell whether it follows the original",
    };

    internal static string ReviewText(TranslationState state) => state.Reviewed is { } r ? $"reviewed on {Iso(r.On)} by {r.By}" : "not reviewed by a clinician";

    private static string Colour(TranslationEntry e, string text) => e.State?.Freshness switch
    {
        null => $"[grey]{text}[/]",
        Freshness.UpToDate => $"[green]{text}[/]",
        _ => $"[yellow]{text}[/]",
    };

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
