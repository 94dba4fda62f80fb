using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace KneeGuide.Site.Content;

/// <summary>
/// What every pipeline needs before it starts: the file catalog, <c>site.yml</c> and
/// <c>images/credits.yml</c>. Loaded once, shared read-only.
/// </summary>
public sealed class SiteInputs
{
    public required SourceCatalog Catalog { get; init; }

    public required SiteConfig Config { get; init; }

    /// <summary>Credit records by image file name, sorted.</summary>
    public required IReadOnlyDictionary<string, ImageCredit> Credits { get; init; }

    /// <summary>Where each credit record starts in credits.yml, for errors about it.</summary>
    public required IReadOnlyDictionary<string, SourceLocation> CreditLocations { get; init; }

    /// <summary>Credit records by video file name (videos/credits.yml, the same shape as images'), sorted.</summary>
    public IReadOnlyDictionary<string, ImageCredit> VideoCredits { get; init; } = new Dictionary<string, ImageCredit>();

    /// <summary>Where each key of site.yml was written ("cms", "cms.repo"), for messages about it.</summary>
    public IReadOnlyDictionary<string, SourceLocation> ConfigLocations { get; init; } = new Dictionary<string, SourceLocation>();

    /// <summary>The hash of site.yml as written: every page shows something of it (the build cache's "config" fact).</summary>
    public UInt128 ConfigHash { get; init; }

    public static SiteInputs Load(string inputRoot, string displayRoot, DiagnosticBag diagnostics)
    {
        var catalog = SourceCatalog.Scan(inputRoot, displayRoot, diagnostics);
        var config = LoadConfig(catalog, diagnostics, out var configHash, out var configLocations);
        var credits = LoadCredits(catalog, "images", diagnostics, out var locations);
        CheckCreditLanguages(credits, config, diagnostics);
        return new SiteInputs
        {
            Catalog = catalog,
            Config = config,
            ConfigHash = configHash,
            ConfigLocations = configLocations,
            Credits = credits,
            CreditLocations = locations,
            VideoCredits = LoadCredits(catalog, "videos", diagnostics, out _),
        };
    }

    private static SiteConfig LoadConfig(SourceCatalog catalog, DiagnosticBag diagnostics, out UInt128 hash, out IReadOnlyDictionary<string, SourceLocation> locations)
    {
        locations = new Dictionary<string, SourceLocation>();
        const string path = "site.yml";
        var display = catalog.Display(path);
        hash = Core.Caching.ContentHash.Of("no site.yml");
        if (!catalog.Contains(path))
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingFile, SourceLocation.InFile(display), "the input folder has no site.yml: create one with at least 'title' and 'base_url'"));
            return new SiteConfig();
        }

        var text = SourceText.Read(catalog.AbsolutePath(path), display, diagnostics);
        hash = Core.Caching.ContentHash.Of(text ?? "unreadable site.yml");
        var root = text is null ? null : YamlText.Parse(text, display, 0, diagnostics);
        if (root is null)
        {
            if (text is not null && diagnostics.ErrorCount == 0)
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingKey, new SourceLocation(display, 1, 1), "site.yml is empty: it needs at least 'title' and 'base_url'"));
            }

            return new SiteConfig();
        }

        var binder = new YamlBinder(display, 0, diagnostics);
        var config = binder.Bind<SiteConfig>(root) ?? new SiteConfig();
        locations = binder.Locations;
        if (config.BaseUrl.Length > 0 && !IsWebAddress(config.BaseUrl))
        {
            // Every canonical link, the sitemap and the feed are built from it: a wrong one would only
            // surface later as strange links, so it is reported here, at its line.
            var at = binder.Locations.GetValueOrDefault("base_url", new SourceLocation(display, 1, 1));
            diagnostics.Add(Diagnostic.Error(ErrorCodes.InvalidValue, at, $"'base_url' must be the full web address the site is published at, starting with https:// (e.g. https://kneeguide.netlify.app/), not '{config.BaseUrl}'"));
            return config with { BaseUrl = "" };
        }

        return CheckLanguages(config, binder, display, diagnostics);
    }

    /// <summary>
    /// languages: has no code twice (each becomes a folder and a file name suffix), and, when it is
    /// written, its first code is the site's language.
    /// </summary>
    private static SiteConfig CheckLanguages(SiteConfig config, YamlBinder binder, string display, DiagnosticBag diagnostics)
    {
        if (config.Languages.Count == 0)
        {
            return config;
        }

        var seen = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<SiteLanguage>();
        foreach (var language in config.Languages)
        {
            var code = language.Code.Value;
            if (code.Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(code, out var first))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.DuplicateKey, language.Code.Location, $"the language '{code}' is declared twice in 'languages': here and on line {first.Line}; keep one"));
                continue;
            }

            seen[code] = language.Code.Location;
            kept.Add(language);
        }

        if (kept.Count == 0)
        {
            return config with { Languages = [] };
        }

        CheckLanguageWords(config, kept, binder, diagnostics);
        var defaultCode = kept[0].Code.Value;
        if (binder.ValueLocations.TryGetValue("language", out var languageAt) && config.Language != defaultCode)
        {
            diagnostics.Add(Diagnostic.Error(ErrorCodes.InvalidValue, languageAt, $"'language' is '{config.Language}' but the first of 'languages' (the default language) is '{defaultCode}': remove 'language', the first of 'languages' is the default"));
        }

        return config with { Languages = kept, Language = defaultCode };
    }

    /// <summary>
    /// Every language but the first has the site's words in it (a page in Spanish with an English
    /// medical disclaimer or English navigation would be half a translation: an error, as a missing
    /// theme string is, KG3003); the first language's words are site.yml's own, written once there.
    /// </summary>
    private static void CheckLanguageWords(SiteConfig config, IReadOnlyList<SiteLanguage> languages, YamlBinder binder, DiagnosticBag diagnostics)
    {
        var index = config.Languages.ToList();
        foreach (var language in languages)
        {
            var at = $"languages[{index.IndexOf(language)}]";
            var code = language.Code.Value;
            // Each word: its key, whether this entry writes it, and the default language's (null: optional).
            var words = new (string Key, bool Given, string? Default)[]
            {
                ("title", language.Title is not null, null),
                ("description", language.Description is not null, config.Description),
                ("disclaimer", language.Disclaimer is not null, config.Disclaimer),
                ("nav", language.Nav.Count > 0, config.Nav.Count > 0 ? string.Join(", ", config.Nav.Select(n => $"{n.Title} {n.Url.Value}")) : null),
                ("pain_rule_text", language.PainRuleText is not null, config.PainRule.Text),
                ("tags", language.Tags.Count > 0, null),
                ("targets", language.Targets.Count > 0, null),
                ("equipment", language.Equipment.Count > 0, null),
            };
            if (language == languages[0])
            {
                foreach (var (key, _, _) in words.Where(w => w.Given))
                {
                    var top = key == "pain_rule_text" ? "pain_rule.text" : key;
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.InvalidValue, binder.Locations.GetValueOrDefault($"{at}.{key}", language.Code.Location),
                        $"'{key}' of the first language ('{code}', the default) is site.yml's own '{top}': write it there and remove it here"));
                }

                continue;
            }

            foreach (var (key, _, shown) in words.Where(w => !w.Given && w.Default is not null))
            {
                var example = key == "nav" ? $"nav: a list of {{ title, url }} with this language's addresses (/{code}/exercises/)" : $"{key}: in that language";
                diagnostics.Add(Diagnostic.Error(ErrorCodes.MissingKey, language.Code.Location,
                    $"the language '{code}' has no '{key}', so its pages would show the default language's (\"{Shorten(shown!)}\"): add {example} under '- code: {code}' in languages"));
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "...";

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0 && !value.Contains(' ');

    /// <summary>
    /// A credit's translations are into languages site.yml declares, other than the default (whose
    /// words are the credit's own title): a misspelt code would leave that language's alt text English.
    /// </summary>
    private static void CheckCreditLanguages(IReadOnlyDictionary<string, ImageCredit> credits, SiteConfig config, DiagnosticBag diagnostics)
    {
        var codes = config.AllLanguages.Select(l => l.Code.Value).ToList();
        foreach (var (file, credit) in credits)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var language in credit.Translations.Select(t => t.Language).Where(l => l.Value.Length > 0))
            {
                var code = language.Value;
                var problem = !seen.Add(code) ? $"the credit for '{file}' has two translations into '{code}': keep one"
                    : codes.IndexOf(code) == 0 ? $"'{code}' is the default language, whose words are the credit's own title: remove this translation"
                    : codes.IndexOf(code) < 0 ? $"the credit for '{file}' is translated into '{code}', which is not one of site.yml's languages ({string.Join(", ", codes)}): use one of their codes, or declare the language in site.yml"
                    : null;
                if (problem is not null)
                {
                    diagnostics.Add(Diagnostic.Error(ErrorCodes.CreditLanguage, language.Location, problem, Suggestions.Closest(code, codes.Skip(1))));
                }
            }
        }
    }

    /// <param name="folder">images or videos: the folder whose credits.yml this is.</param>
    private static IReadOnlyDictionary<string, ImageCredit> LoadCredits(SourceCatalog catalog, string folder, DiagnosticBag diagnostics, out IReadOnlyDictionary<string, SourceLocation> locations)
    {
        var path = folder + "/credits.yml";
        var kind = folder == "images" ? ContentKind.Image : ContentKind.Video;
        var display = catalog.Display(path);
        var empty = new Dictionary<string, ImageCredit>();
        locations = new Dictionary<string, SourceLocation>();
        if (!catalog.Contains(path))
        {
            return empty;
        }

        var text = SourceText.Read(catalog.AbsolutePath(path), display, diagnostics);
        var root = text is null ? null : YamlText.Parse(text, display, 0, diagnostics);
        if (root is null)
        {
            return empty;
        }

        var binder = new YamlBinder(display, 0, diagnostics);
        if (root is not YamlMappingNode map)
        {
            return binder.Bind<IReadOnlyDictionary<string, ImageCredit>>(root) ?? empty;
        }

        // The map form (file name: record) and the web editor's list form (credits: [{ file, ... }]),
        // taken in the order they are written, so a second record for an image is the one reported.
        var found = new List<(string Name, SourceLocation At, ImageCredit Credit)>();
        var byName = new YamlMappingNode();
        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: CreditsFile.ListKey })
            {
                var list = binder.Bind(typeof(IReadOnlyList<ImageCreditEntry>), value, CreditsFile.ListKey) as IReadOnlyList<ImageCreditEntry> ?? [];
                found.AddRange(list.Where(e => e.File.Value.Length > 0).Select(e => (e.File.Value, e.File.Location, (ImageCredit)e)));
            }
            else
            {
                byName.Add(key, value);
            }
        }

        var named = binder.Bind<IReadOnlyDictionary<string, ImageCredit>>(byName) ?? empty;
        foreach (var (key, _) in byName.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (named.TryGetValue(name, out var credit))
            {
                found.Add((name, binder.At(key), credit));
            }
        }

        var records = new SortedDictionary<string, ImageCredit>(StringComparer.Ordinal);
        var at = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (name, location, credit) in found.OrderBy(f => f.At.Line).ThenBy(f => f.At.Column))
        {
            if (at.TryGetValue(name, out var first))
            {
                diagnostics.Add(Diagnostic.Error(ErrorCodes.DuplicateKey, location, $"'{name}' is credited twice in credits.yml: here and on line {first.Line}; keep one record"));
                continue;
            }

            records[name] = credit;
            at[name] = location;
        }

        foreach (var (key, location) in at)
        {
            if (!catalog.Contains(folder + "/" + key))
            {
                diagnostics.Add(Diagnostic.Warning(ErrorCodes.UnusedCredit, location, $"credit for '{key}', but {folder}/{key} does not exist", Suggestions.Closest(key, catalog.FilesOf(kind).Select(Path.GetFileName)!)));
            }
        }

        locations = at;
        return new ReadOnlyDictionaryWrapper<ImageCredit>(records);
    }
}
