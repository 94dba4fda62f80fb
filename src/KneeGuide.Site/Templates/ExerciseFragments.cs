using System.Collections.Concurrent;
using KneeGuide.Core;

namespace KneeGuide.Site.Templates;

/// <summary>
/// An exercise's card (partials/exercise-card.liquid) and the block of its home exercise sheet
/// (partials/sheet-exercise.liquid), each rendered once per build for each view of the exercise
/// and language of the theme's words, then shown on every page that lists the exercise: both
/// depend on nothing else, and rendering them again on each of the thousands of pages that show
/// the same few hundred exercises was a third of a cold build's template work (docs/performance.md).
/// Lives as long as its <see cref="PageRenderer"/> (one build, one theme).
/// </summary>
public sealed class ExerciseFragments(ThemeTemplates theme)
{
    public const string CardPartial = "partials/exercise-card.liquid";
    public const string SheetPartial = "partials/sheet-exercise.liquid";

    // Keyed by the view itself (the exercise fact every page of a language reads is one object; a
    // record's value equality would compare and hash all its fields on every lookup) and the
    // strings' language. The template errors of a render are kept with it and reported again on
    // each page that shows it, so a page's diagnostics do not depend on which page rendered it first.
    private readonly ConcurrentDictionary<(string Partial, ExerciseView Exercise, string Language), (string Html, IReadOnlyList<Diagnostic> Errors)> _rendered = new(new ByView());

    /// <summary>The page's cards (<see cref="PageView.Exercises"/>) and sheet blocks with their fragments filled in.</summary>
    public PageView Fill(PageView page, string language, IReadOnlyDictionary<string, object> strings, DiagnosticBag diagnostics)
    {
        if (page.Exercises.Count == 0 && page.Sheet is null)
        {
            return page;
        }

        return page with
        {
            Exercises = page.Exercises.Select(e => e with { CardHtml = Render(CardPartial, e, language, strings, diagnostics) }).ToList(),
            Sheet = page.Sheet is { } sheet
                ? sheet with { Exercises = sheet.Exercises.Select(e => e with { SheetHtml = Render(SheetPartial, e, language, strings, diagnostics) }).ToList() }
                : null,
        };
    }

    /// <summary>One fragment: the partial rendered with <c>exercise</c> and <c>strings</c>, as the theme's <c>{% render %}</c> would.</summary>
    public string Render(string partial, ExerciseView exercise, string language, IReadOnlyDictionary<string, object> strings, DiagnosticBag diagnostics)
    {
        var (html, errors) = _rendered.GetOrAdd((partial, exercise, language), key =>
        {
            var own = new DiagnosticBag();
            var rendered = theme.Render(key.Partial, new Dictionary<string, object?> { ["strings"] = strings, ["exercise"] = key.Exercise }, own);
            return (rendered, own.Sorted());
        });
        diagnostics.AddRange(errors);
        return html;
    }

    private sealed class ByView : IEqualityComparer<(string Partial, ExerciseView Exercise, string Language)>
    {
        public bool Equals((string Partial, ExerciseView Exercise, string Language) x, (string Partial, ExerciseView Exercise, string Language) y) =>
            ReferenceEquals(x.Exercise, y.Exercise) && string.Equals(x.Partial, y.Partial, StringComparison.Ordinal) && string.Equals(x.Language, y.Language, StringComparison.Ordinal);

        public int GetHashCode((string Partial, ExerciseView Exercise, string Language) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Exercise), StringComparer.Ordinal.GetHashCode(key.Partial), StringComparer.Ordinal.GetHashCode(key.Language));
    }
}
