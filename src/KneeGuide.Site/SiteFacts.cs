using System.Collections.Concurrent;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Output;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site;

/// <summary>
/// Every fact a page's work may read from outside the page, by key, with its current value's hash:
/// what the build cache checks a cached result against. The keys name what was read, as finely as it
/// was read: "file:exercises/x.md" (does that file exist, as what), "credit:knee.svg" (one credit
/// record), "exercise:heel-raises" (everything an exercise card shows), "output:articles/x/index.html"
/// (the file the last build wrote), so an edit reaches exactly the pages that showed what it changed.
/// Facts about the whole site (its index, views) exist only once the site index is built.
/// </summary>
public sealed class SiteFacts(SiteInputs inputs, ThemeTemplates theme, OutputStaging staging, KneeGuide.Site.Media.MediaLibrary media) : IFactSource
{
    private const string ViewEpochSection = "epoch:views";
    // Sized for a large site's input facts, with locks enough that parallel pages rarely share one.
    private readonly ConcurrentDictionary<string, UInt128> _memo = new(concurrencyLevel: 64, capacity: 1 << 14, StringComparer.Ordinal);
    private ViewModelFactory? _views;
    private bool _viewsUnchanged;

    /// <summary>The theme this build renders with (its words, by language, are in the views).</summary>
    public ThemeTemplates Theme => theme;

    public const string ConfigKey = "config";
    public const string ThemeKey = "theme";

    /// <summary>The languages search reads pages in (site.yml's codes and names, the default first): pages' search entries depend on them and nothing else of site.yml.</summary>
    public const string SearchLanguageKey = "search-language";

    public static string File(string inputPath) => "file:" + inputPath;

    /// <summary>The bytes of an input file (a translation reads its original's front matter): "source:articles/x.md".</summary>
    public static string Source(string inputPath) => "source:" + inputPath;

    public static string Credit(string imageFile) => "credit:" + imageFile;

    /// <summary>How an image or clip is published (its size, copies, captions, poster and credit): "media:images/knee.jpg".</summary>
    public static string Media(string inputPath) => "media:" + inputPath;

    public static string Output(string destination) => "output:" + destination;

    /// <summary>The view facts (what pages show of each other), once the site index exists.</summary>
    public ViewModelFactory Views => _views ?? throw new InvalidOperationException("Facts about other pages were read before the site index was built: read them in the PostProcess phase.");

    /// <summary>
    /// Makes the views of this build's site index the source of what pages read of each other.
    /// <paramref name="epoch"/> hashes everything those views are made from (every page's facts,
    /// the credits, the images): when it is what the previous build saw, every view fact is known to
    /// be unchanged and none needs working out, which is what makes a build after a text edit cheap.
    /// </summary>
    /// <summary>The hash of everything the views are made from (set with the site index).</summary>
    public UInt128 ViewEpoch { get; private set; }

    public void Attach(ViewModelFactory views, UInt128 epoch, BuildCache cache)
    {
        _views = views;
        ViewEpoch = epoch;
        _viewsUnchanged = cache.Section(ViewEpochSection) is { } saved && saved.Length == 16
            && System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(saved.Span) == epoch;
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bytes, epoch);
        cache.SetSection(ViewEpochSection, bytes);
    }

    public UInt128 Hash(string key)
    {
        // The output's files change while pages are written: never memoized.
        if (key.StartsWith("output:", StringComparison.Ordinal))
        {
            return staging.ReusableHash(key["output:".Length..]);
        }

        // A view fact when the views are known unchanged (most warm builds): answered without parsing
        // the key or adding it to the memo, which 20,000 parallel first reads contended for.
        if (_viewsUnchanged && IsViewKey(key))
        {
            return FactValues.Unchanged;
        }

        return _memo.GetOrAdd(key, Compute);
    }

    /// <summary>Whether <see cref="Compute"/> sends the key to the views (its kind is none of the input facts').</summary>
    private static bool IsViewKey(string key)
    {
        var colon = key.IndexOf(':');
        var kind = colon < 0 ? key.AsSpan() : key.AsSpan(0, colon);
        return !(kind is "file" or "source" or "credit" or "media" or ConfigKey or ThemeKey or SearchLanguageKey);
    }

    private UInt128 MediaHash(string path)
    {
        var file = Path.GetFileName(path);
        if (path.StartsWith("images/", StringComparison.Ordinal))
        {
            return media.Images.TryGetValue(file, out var image) ? KneeGuide.Site.Media.MediaFacts.Hash(image) : ContentHash.Of("no image", path);
        }

        return media.Videos.TryGetValue(file, out var video)
            ? new ContentHash.Builder().Add(KneeGuide.Site.Media.MediaFacts.Hash(video)).Add(inputs.VideoCredits.TryGetValue(file, out var c) ? string.Join('\n', c.Title, c.Author, c.Source, c.License, c.LicenseUrl) : "no credit").Finish()
            : ContentHash.Of("no video", path);
    }

    private UInt128 Compute(string key)
    {
        var colon = key.IndexOf(':');
        var (kind, name) = colon < 0 ? (key, "") : (key[..colon], key[(colon + 1)..]);
        return kind switch
        {
            "file" => inputs.Catalog.Contains(name) ? ContentHash.Of("file", inputs.Catalog.KindOf(name).ToString()) : ContentHash.Of("absent"),
            "source" => inputs.Catalog.Contains(name) && System.IO.File.Exists(inputs.Catalog.AbsolutePath(name)) ? ContentHash.Of(System.IO.File.ReadAllBytes(inputs.Catalog.AbsolutePath(name))) : ContentHash.Of("absent"),
            "credit" => inputs.Credits.TryGetValue(name, out var c) ? ContentHash.Of([c.Title, c.Author, c.Source, c.License, c.LicenseUrl, .. c.Translations.SelectMany(t => new[] { t.Language.Value, t.Title })]) : ContentHash.Of("no credit"),
            "media" => MediaHash(name),
            ConfigKey => inputs.ConfigHash,
            ThemeKey => theme.Hash,
            SearchLanguageKey => ContentHash.Of("search-language", string.Join('\n', inputs.Config.AllLanguages.Select(l => l.Code.Value + " " + l.Name))),
            _ => _viewsUnchanged ? FactValues.Unchanged : Views.Hash(key),
        };
    }
}
