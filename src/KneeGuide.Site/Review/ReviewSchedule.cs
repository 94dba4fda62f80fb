using KneeGuide.Core;
using KneeGuide.Site.Content;

namespace KneeGuide.Site.ReviewGovernance;

/// <summary>One page's place in the review schedule, for the <c>reviews</c> command.</summary>
public sealed record ReviewEntry(string File, string Title, string? ReviewedBy, DateOnly? ReviewedOn, DateOnly? Due, ReviewState State);

/// <summary>
/// Reads the review records of every article and mobility page (the pages that carry one) without
/// running a whole build: the same splitter, YAML parser and binder as the build, so a page the build
/// rejects is reported with the same diagnostics.
/// </summary>
public static class ReviewSchedule
{
    public static IReadOnlyList<ReviewEntry> Collect(string inputFolder, ReviewPolicy? policy, DiagnosticBag diagnostics, out ReviewPolicy used)
    {
        var root = Path.GetFullPath(inputFolder);
        var display = SiteBuilder.DisplayPath(inputFolder);
        var inputs = SiteInputs.Load(root, display, diagnostics);
        used = policy ?? new ReviewPolicy(ReviewPolicy.RealToday(), inputs.Config.ReviewIntervalDays, false);
        var entries = new List<ReviewEntry>();
        // Translations (x.es.md) are listed by the translations command, with their own review.
        foreach (var file in inputs.Catalog.Files.Where(f => inputs.Catalog.KindOf(f) is ContentKind.Article or ContentKind.Mobility && Translations.NameOf(f) is null))
        {
            var shown = inputs.Catalog.Display(file);
            var text = SourceText.Read(inputs.Catalog.AbsolutePath(file), shown, diagnostics);
            var yaml = text is null ? null : FrontMatterSplitter.Split(text, shown, diagnostics);
            var node = string.IsNullOrEmpty(yaml) ? null : YamlText.Parse(yaml, shown, 1, diagnostics);
            if (node is null || new YamlBinder(shown, 1, diagnostics).Bind<ArticleFrontMatter>(node) is not { } model || model.Draft)
            {
                continue;
            }

            var on = model.Reviewed?.On;
            entries.Add(new ReviewEntry(shown, model.Title, model.Reviewed?.By, on, on is { } d ? used.DueDate(d) : null, used.StateOf(on)));
        }

        // Most urgent first: never reviewed, then by due date, then by file for a stable order.
        return entries
            .OrderBy(e => e.Due ?? DateOnly.MinValue)
            .ThenBy(e => e.File, StringComparer.Ordinal)
            .ToList();
    }
}
