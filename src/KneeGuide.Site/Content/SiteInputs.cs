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

    /// <summary>The hash of site.yml as written: every page shows something of it (the build cache's "config" fact).</summary>
    public UInt128 ConfigHash { get; init; }

    public static SiteInputs Load(string inputRoot, string displayRoot, DiagnosticBag diagnostics)
    {
        var catalog = SourceCatalog.Scan(inputRoot, displayRoot, diagnostics);
        return new SiteInputs
        {
            Catalog = catalog,
            Config = LoadConfig(catalog, diagnostics, out var configHash),
            ConfigHash = configHash,
            Credits = LoadCredits(catalog, "images", diagnostics, out var locations),
            CreditLocations = locations,
            VideoCredits = LoadCredits(catalog, "videos", diagnostics, out _),
        };
    }

    private static SiteConfig LoadConfig(SourceCatalog catalog, DiagnosticBag diagnostics, out UInt128 hash)
    {
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
        if (config.BaseUrl.Length > 0 && !IsWebAddress(config.BaseUrl))
        {
            // Every canonical link, the sitemap and the feed are built from it: a wrong one would only
            // surface later as strange links, so it is reported here, at its line.
            var at = binder.Locations.GetValueOrDefault("base_url", new SourceLocation(display, 1, 1));
            diagnostics.Add(Diagnostic.Error(ErrorCodes.InvalidValue, at, $"'base_url' must be the full web address the site is published at, starting with https:// (e.g. https://kneeguide.netlify.app/), not '{config.BaseUrl}'"));
            return config with { BaseUrl = "" };
        }

        return config;
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Host.Length > 0 && !value.Contains(' ');

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
        if (root is YamlMappingNode map)
        {
            locations = map.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value ?? "", c => binder.At(c.Key), StringComparer.Ordinal);
            foreach (var (key, location) in locations)
            {
                if (!catalog.Contains(folder + "/" + key))
                {
                    diagnostics.Add(Diagnostic.Warning(ErrorCodes.UnusedCredit, location, $"credit for '{key}', but {folder}/{key} does not exist", Suggestions.Closest(key, catalog.FilesOf(kind).Select(Path.GetFileName)!)));
                }
            }
        }

        return binder.Bind<IReadOnlyDictionary<string, ImageCredit>>(root) ?? empty;
    }
}
