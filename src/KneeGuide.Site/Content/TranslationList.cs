using KneeGuide.Core;
using YamlDotNet.RepresentationModel;

namespace KneeGuide.Site.Content;

/// <summary>
/// One original in one of the site's other languages, for the <c>translations</c> command:
/// <paramref name="File"/> and <paramref name="State"/> are null when there is no translation yet.
/// </summary>
public sealed record TranslationEntry(string Original, string Title, string Language, string? File, TranslationState? State)
{
    public bool Missing => File is null;
}

/// <summary>
/// Every translatable original against every language but the default, read without running a
/// whole build: the same splitter, YAML parser, binder and <see cref="TranslationState"/> as the
/// build, so the listing says what the build warns about. Drafts are left out, as <c>reviews</c> does.
/// </summary>
public static class TranslationList
{
    private static readonly ContentKind[] Translatable = [ContentKind.Home, ContentKind.Article, ContentKind.Mobility, ContentKind.Exercise, ContentKind.Page];

    public static IReadOnlyList<TranslationEntry> Collect(string inputFolder, DiagnosticBag diagnostics, out IReadOnlyList<SiteLanguage> languages)
    {
        var inputs = SiteInputs.Load(Path.GetFullPath(inputFolder), SiteBuilder.DisplayPath(inputFolder), diagnostics);
        var catalog = inputs.Catalog;
        languages = inputs.Config.AllLanguages;
        var others = languages.Skip(1).Select(l => l.Code.Value).ToList();
        var files = catalog.Files.Where(f => Translatable.Contains(catalog.KindOf(f))).ToList();

        // Originals first: a file named x.<code>.md is a translation (or, with a code not declared,
        // a mistake the build reports as KG1701), never an original.
        var originals = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => Translations.NameOf(f) is null))
        {
            if (Read(catalog, file, diagnostics) is { } root
                && new YamlBinder(catalog.Display(file), 1, diagnostics).Bind(ParseFrontMatter.ModelType(catalog.KindOf(file)), root, "") is { } model
                && !IsDraft(model))
            {
                originals[file] = model;
            }
        }

        var translated = new Dictionary<(string Original, string Code), (string File, TranslationState State)>();
        foreach (var file in files)
        {
            if (Translations.NameOf(file) is not { } named || !others.Contains(named.Code) || !originals.TryGetValue(named.Original, out var original))
            {
                continue;
            }

            var shown = catalog.Display(file);
            var kind = catalog.KindOf(file);
            var binder = new YamlBinder(shown, 1, diagnostics);
            var root = Read(catalog, file, diagnostics);
            var words = root is YamlMappingNode map
                ? Translations.WithoutOriginalKeys(map, ParseFrontMatter.ModelType(kind), Translations.ModelOf(kind), binder, named.Original, diagnostics)
                : root;
            if (words is not null && binder.Bind(Translations.ModelOf(kind), words, "") is { } translation)
            {
                translated[(named.Original, named.Code)] = (shown, TranslationState.Of(original, translation));
            }
        }

        var entries = new List<TranslationEntry>();
        foreach (var (file, model) in originals.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            foreach (var code in others)
            {
                entries.Add(translated.TryGetValue((file, code), out var t)
                    ? new TranslationEntry(catalog.Display(file), TitleOf(model), code, t.File, t.State)
                    : new TranslationEntry(catalog.Display(file), TitleOf(model), code, null, null));
            }
        }

        return entries;
    }

    private static YamlNode? Read(SourceCatalog catalog, string file, DiagnosticBag diagnostics)
    {
        var shown = catalog.Display(file);
        var text = SourceText.Read(catalog.AbsolutePath(file), shown, diagnostics);
        var yaml = text is null ? null : FrontMatterSplitter.Split(text, shown, diagnostics);
        return string.IsNullOrEmpty(yaml) ? null : YamlText.Parse(yaml, shown, 1, diagnostics);
    }

    private static bool IsDraft(object model) => model switch
    {
        ArticleFrontMatter a => a.Draft,
        ExerciseFrontMatter e => e.Draft,
        PageFrontMatter p => p.Draft,
        _ => false,
    };

    private static string TitleOf(object model) => model switch
    {
        ArticleFrontMatter a => a.Title,
        ExerciseFrontMatter e => e.Title,
        PageFrontMatter p => p.Title,
        _ => "",
    };
}
