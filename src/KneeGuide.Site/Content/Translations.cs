using System.Text.RegularExpressions;
using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace KneeGuide.Site.Content;

/// <summary>
/// Translations sit beside their original, as in Hugo: <c>articles/runners-knee.es.md</c> is the
/// Spanish of <c>articles/runners-knee.md</c>, published at <c>/es/articles/runners-knee/</c>. A
/// translation carries only the words; everything else comes from the original, so a patient gets
/// the same programme in every language.
/// </summary>
public static partial class Translations
{
    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex CodeLike();

    /// <summary>
    /// The language code in the middle of a Markdown file's name (x.es.md: es) and the original's
    /// path (x.md), or null when the name has no part that looks like a language code.
    /// </summary>
    public static (string Code, string Original)? NameOf(string source)
    {
        if (!source.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }

        var stem = source[..^3];
        var slash = stem.LastIndexOf('/');
        var dot = stem.LastIndexOf('.');
        if (dot <= slash + 1)
        {
            return null;
        }

        var code = stem[(dot + 1)..];
        return CodeLike().IsMatch(code) ? (code, stem[..dot] + ".md") : null;
    }

    /// <summary>The URL of a page in a language: the default keeps the original's, the others go under /&lt;code&gt;/.</summary>
    public static string UrlIn(string? code, string originalUrl) => code is null ? originalUrl : "/" + code + originalUrl;

    /// <summary>
    /// The front matter model of a translation of a page of this kind: the one the build binds a
    /// translation to, and the web editor's form for it (src/KneeGuide.Site/Cms/CmsConfig.cs).
    /// </summary>
    public static Type ModelOf(ContentKind kind) => kind == ContentKind.Exercise ? typeof(ExerciseTranslationFrontMatter) : typeof(PageTranslationFrontMatter);

    /// <summary>snake_case keys of a model's properties, as the binder reads them.</summary>
    public static IReadOnlySet<string> KeysOf(Type model) =>
        model.GetProperties().Select(p => Snake(p.Name)).ToHashSet(StringComparer.Ordinal);

    private static string Snake(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>
    /// Reports each key of the translation's front matter that belongs to the original only, at its
    /// line, and takes it out so the rest binds.
    /// </summary>
    public static YamlMappingNode WithoutOriginalKeys(YamlMappingNode root, Type originalModel, Type translationModel, YamlBinder binder, string original, DiagnosticBag diagnostics)
    {
        var originalKeys = KeysOf(originalModel);
        var translationKeys = KeysOf(translationModel);
        var kept = new YamlMappingNode();
        foreach (var (key, value) in root.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && originalKeys.Contains(name) && !translationKeys.Contains(name))
            {
                var at = binder.At(key);
                diagnostics.Add(Diagnostic.Error(ErrorCodes.KeyFromOriginal, at, $"'{name}' comes from the original ({original}): a translation carries only the words (title, description or summary, steps, cautions, dosage frequency, updated, reviewed); remove '{name}' here"));
                continue;
            }

            kept.Add(key, value);
        }

        return kept;
    }

    /// <summary>The published model: the original's, with the translation's words.</summary>
    public static object Merge(object original, object translation) => (original, translation) switch
    {
        (ArticleFrontMatter o, PageTranslationFrontMatter t) => new ArticleFrontMatter
        {
            Title = t.Title, Description = t.Description ?? o.Description, Date = o.Date, Updated = t.Updated, Reviewed = t.Reviewed,
            Tags = o.Tags, Exercises = o.Exercises, Mobility = o.Mobility, Image = o.Image, Draft = o.Draft, LinkCheck = o.LinkCheck,
        },
        (PageFrontMatter o, PageTranslationFrontMatter t) => new PageFrontMatter
        {
            Title = t.Title, Description = t.Description ?? o.Description, Image = o.Image, Updated = t.Updated, Draft = o.Draft, LinkCheck = o.LinkCheck,
        },
        (ExerciseFrontMatter o, ExerciseTranslationFrontMatter t) => new ExerciseFrontMatter
        {
            Title = t.Title, Summary = t.Summary, Targets = o.Targets, Equipment = o.Equipment, Difficulty = o.Difficulty,
            Dosage = new Dosage { Sets = o.Dosage.Sets, Reps = o.Dosage.Reps, HoldSeconds = o.Dosage.HoldSeconds, Side = o.Dosage.Side, Frequency = t.Dosage?.Frequency ?? o.Dosage.Frequency },
            Steps = t.Steps.Count > 0 ? t.Steps : o.Steps, Cautions = t.Cautions.Count > 0 ? t.Cautions : o.Cautions,
            Image = o.Image, Video = o.Video, Mobility = o.Mobility, Tags = o.Tags, Easier = o.Easier, Harder = o.Harder, Updated = t.Updated, Draft = o.Draft,
        },
        _ => original,
    };

    /// <summary>
    /// Warns, at the translation's <c>updated</c> (else its first line), when its original changed
    /// after it or it has no <c>updated</c> (<see cref="TranslationState"/>); returns the state for
    /// the page.
    /// </summary>
    public static TranslationState CheckStale(object original, object translation, string originalSource, YamlBinder binder, string display, DiagnosticBag diagnostics)
    {
        var state = TranslationState.Of(original, translation);
        if (!state.Stale)
        {
            return state;
        }

        var at = binder.ValueLocations.GetValueOrDefault("updated", new SourceLocation(display, 1, 1));
        var message = (state.TranslationUpdated, state.OriginalChanged) switch
        {
            ({ } older, { } day) => $"{originalSource} changed on {Iso(day)}, after this translation was last updated ({Iso(older)}): bring the translation up to date with it and set 'updated' to the day you did",
            (null, { } day) => $"this translation has no 'updated' date, so no one can tell whether it follows {originalSource} (last changed {Iso(day)}): check it against the original and add 'updated' with the day you did",
            _ => $"this translation has no 'updated' date, so no one can tell whether it follows {originalSource}: check it against the original and add 'updated' with the day you did",
        };
        diagnostics.Add(Diagnostic.Warning(ErrorCodes.StaleTranslation, at, message));
        return state;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sets, reps, hold and side written in a translation must be the original's.</summary>
    public static void CheckDosage(ExerciseFrontMatter original, ExerciseTranslationFrontMatter translation, YamlBinder binder, string display, DiagnosticBag diagnostics)
    {
        if (translation.Dosage is not { } dosage)
        {
            return;
        }

        // The values marked [MatchesOriginal] (sets, reps, hold_seconds, side): the web editor leaves the same ones out of the translation's form.
        foreach (var property in typeof(TranslatedDosage).GetProperties().Where(p => p.IsDefined(typeof(MatchesOriginalAttribute), inherit: false)))
        {
            var given = property.GetValue(dosage);
            var expected = typeof(Dosage).GetProperty(property.Name)!.GetValue(original.Dosage);
            if (given is null || Equals(given, expected))
            {
                continue;
            }

            var key = Snake(property.Name);
            var at = binder.ValueLocations.GetValueOrDefault("dosage." + key, binder.Locations.GetValueOrDefault("dosage", new SourceLocation(display, 1, 1)));
            var shown = expected is null ? "not given" : Show(expected);
            diagnostics.Add(Diagnostic.Error(ErrorCodes.TranslatedDosageDiffers, at, $"a translated dosage must match the original's: 'dosage.{key}' is {Show(given)} here but {shown} in the original, because a patient must get the same programme in every language. Remove it here (it comes from the original) or correct it"));
        }
    }

    private static string Show(object value) => value switch
    {
        string s => $"\"{s}\"",
        Side side => side.ToString().ToLowerInvariant(),
        _ => value.ToString() ?? "",
    };
}
