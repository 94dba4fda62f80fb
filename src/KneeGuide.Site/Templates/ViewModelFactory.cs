using System.Collections.Concurrent;
using System.Globalization;
using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Templates;

/// <summary>
/// Turns typed content and the site index into the plain view models templates see. Whatever a view
/// takes from another page goes through an accessor that records it in the caller's
/// <see cref="ReadSet"/> as a fact (key and hash of what was shown): the build cache re-renders a page
/// exactly when one of those facts changes. <see cref="Hash"/> gives a fact's current value for that
/// check, through the same accessors, so what is recorded and what is checked cannot drift apart.
/// </summary>
public sealed class ViewModelFactory
{
    private readonly SiteInputs _inputs;
    private readonly SiteIndex _index;
    private readonly Media.MediaLibrary _media;
    private readonly ConcurrentDictionary<string, (object? Value, UInt128 Hash)> _facts = new(StringComparer.Ordinal);
    private readonly Lazy<RelatedPages> _related;
    private readonly Func<string, ThemeStrings> _strings;

    /// <param name="strings">The theme's words by language code (dosage and breadcrumb words are in the page's language).</param>
    public ViewModelFactory(SiteInputs inputs, SiteIndex index, Media.MediaLibrary? media = null, Func<string, ThemeStrings>? strings = null)
    {
        _inputs = inputs;
        _index = index;
        _media = media ?? Media.MediaLibrary.Empty;
        _related = new(() => new RelatedPages(index));
        _strings = strings ?? (_ => ThemeStrings.Empty);
        Site = CreateSite(inputs.Config);
    }

    /// <summary>The site's words in the default language.</summary>
    public SiteView Site { get; }

    /// <summary>The default language's code.</summary>
    public string DefaultLanguage => _inputs.Config.AllLanguages[0].Code.Value;

    /// <summary>A language code as the views key it: null for the default language.</summary>
    public string? Other(string? language) => string.IsNullOrEmpty(language) || language == DefaultLanguage ? null : language;

    /// <summary>The theme's words in a language (the default's for null).</summary>
    public ThemeStrings StringsIn(string? language) => _strings(Other(language) ?? DefaultLanguage);

    /// <summary>
    /// The site's words as a page in <paramref name="language"/> shows them: that language's entry
    /// of site.yml's languages (title, description, disclaimer, nav, pain rule), its home page and
    /// the root of its addresses. Read as a fact: a translated home page appearing changes it.
    /// </summary>
    public SiteView SiteIn(string? language, ReadSet reads) =>
        Other(language) is not { } code ? Site : Track(reads, "site-in:" + code, () => CreateSiteIn(code), ViewHashes.Of);

    private SiteView CreateSiteIn(string code)
    {
        var c = _inputs.Config;
        var l = c.LanguageOf(code)!;
        var rule = l.PainRuleText ?? c.PainRule.Text;
        return Site with
        {
            Title = l.Title ?? c.Title,
            Description = l.Description ?? c.Description,
            Language = code,
            Dir = l.Dir,
            Disclaimer = l.Disclaimer ?? c.Disclaimer,
            Nav = (l.Nav.Count > 0 ? l.Nav : c.Nav).Select(n => new LinkView(n.Title, n.Url.Value)).ToList(),
            PainRule = Site.PainRule with { Text = rule },
            Root = "/" + code,
            HomeUrl = _index.Translations.ContainsKey(SiteIndex.TranslationKey(code, "index.md")) ? $"/{code}/" : "/",
        };
    }

    public SiteIndex Index => _index;

    /// <summary>site.yml.</summary>
    public SiteConfig Config => _inputs.Config;

    public string AbsoluteUrl(string url) => _inputs.Config.BaseUrl.TrimEnd('/') + url;

    private static SiteView CreateSite(SiteConfig c) => new(
        c.Title,
        c.Description,
        c.Language,
        c.AllLanguages[0].Dir,
        c.BaseUrl,
        c.Disclaimer,
        c.Clinic is null ? null : new ClinicView(c.Clinic.Name, c.Clinic.Url, c.Clinic.Phone, c.Clinic.Email),
        c.Nav.Select(n => new LinkView(n.Title, n.Url.Value)).ToList(),
        new PainRuleView(c.PainRule.Acceptable, c.PainRule.Text, Enumerable.Range(0, 11).Select(n => new PainLevelView(n, n <= c.PainRule.Acceptable)).ToList()))
    {
        DefaultLanguage = c.AllLanguages[0].Code.Value,
    };

    // ---- Facts: what one page shows of others ------------------------------------------------

    /// <summary>The current hash of a view fact (for the build cache's check of a recorded read).</summary>
    public UInt128 Hash(string key)
    {
        var colon = key.IndexOf(':');
        var (kind, name) = colon < 0 ? (key, "") : (key[..colon], key[(colon + 1)..]);
        // A fact of a page in another language: "<kind>-in:<code>[:<name>]" (see Key).
        string? code = null;
        if (kind.EndsWith("-in", StringComparison.Ordinal))
        {
            kind = kind[..^3];
            var at = name.IndexOf(':');
            (code, name) = at < 0 ? (name, "") : (name[..at], name[(at + 1)..]);
        }

        var reads = ReadSet.Ignored;
        _ = kind switch
        {
            "exercise" => (object?)ExerciseIn(name, code, reads),
            "alternates" => _index.BySource.GetValueOrDefault(name) is { } original ? Alternates(original.Require<ContentPage>(), reads) : null,
            "site" => SiteIn(code, reads),
            "mobility" => Mobility(name, reads, code),
            "linked-from" => MobilityLinkedFrom(name, reads, code),
            "used-by" => ExerciseUsedBy(name, reads, code),
            "progressions" => Progressions(name, reads),
            "tag" => Tag(name, reads, code),
            "related" => _index.BySource.GetValueOrDefault(name) is { } doc ? Related(doc, reads) : null,
            "image" => Image(name, "", reads, code),
            "exercises" => Exercises(reads, code),
            "articles" => Articles(reads, code),
            "mobility-pages" => MobilityPages(reads, code),
            "tags" => Tags(reads, code),
            "tag-pages" => TagPages(name, reads, code),
            "credits" => CreditsPage(reads, code),
            _ => throw new InvalidOperationException($"Unknown fact '{key}'."),
        };
        return _facts.TryGetValue(key, out var fact) ? fact.Hash : ContentHash.Of("absent", key);
    }

    /// <summary>A fact's key: "kind[:name]" in the default language, "kind-in:code[:name]" in another.</summary>
    private static string Key(string kind, string? code, string? name = null) =>
        (code is null ? kind : $"{kind}-in:{code}") + (name is null ? "" : ":" + name);

    /// <summary>
    /// A page as one in <paramref name="code"/> lists it: its translation when there is one, else the
    /// original, marked with the default language's code so the reader is told before following it.
    /// </summary>
    private LinkView LinkIn(Document doc, string? code)
    {
        if (code is null)
        {
            return Link(doc);
        }

        var page = doc.Require<ContentPage>();
        if (page.Language == code)
        {
            return Link(doc);
        }

        return _index.Translations.TryGetValue(SiteIndex.TranslationKey(code, page.OriginalSource ?? page.Source), out var translated)
            ? Link(translated)
            : Link(doc) with { Hreflang = page.Language ?? DefaultLanguage };
    }

    private IReadOnlyList<LinkView> LinksIn(IEnumerable<Document>? docs, string? code) => (docs ?? []).Select(d => LinkIn(d, code)).ToList();

    private T Track<T>(ReadSet reads, string key, Func<T> compute, Func<T, UInt128> hash)
    {
        var fact = _facts.GetOrAdd(key, _ =>
        {
            var value = compute();
            return (value, hash(value));
        });
        reads.Add(key, fact.Hash);
        return (T)fact.Value!;
    }

    public ExerciseView? Exercise(string id, ReadSet reads) =>
        Track(reads, "exercise:" + id, () => _index.Exercises.TryGetValue(id, out var doc) ? CreateExercise(doc, null) : null, ViewHashes.Of);

    /// <summary>The language versions of a page (read as one fact for the original and its translations).</summary>
    private IReadOnlyList<AlternateView> Alternates(ContentPage page, ReadSet reads) =>
        Track(reads, "alternates:" + (page.OriginalSource ?? page.Source), () =>
        {
            var versions = _index.Versions(page, _inputs.Config.AllLanguages);
            return versions.Count < 2 ? [] : (IReadOnlyList<AlternateView>)versions
                .Select(v => new AlternateView(v.Language.Code.Value, v.Language.Name, v.Language.Dir, v.Page.Require<ContentPage>().Url, AbsoluteUrl(v.Page.Require<ContentPage>().Url)))
                .ToList();
        }, ViewHashes.Of);

    /// <summary>An exercise as a page in <paramref name="language"/> shows it: its translation when there is one, else the original.</summary>
    /// <remarks>The original shown in another language is marked with its own (<see cref="ExerciseView.Hreflang"/>), its dose in the page's words.</remarks>
    public ExerciseView? ExerciseIn(string id, string? language, ReadSet reads) =>
        Other(language) is not { } code ? Exercise(id, reads)
        : Track(reads, Key("exercise", code, id), () =>
            _index.Translations.TryGetValue(SiteIndex.TranslationKey(code, $"exercises/{id}.md"), out var translated) ? CreateExercise(translated, code)
            : _index.Exercises.TryGetValue(id, out var doc) ? CreateExercise(doc, code) with { Hreflang = DefaultLanguage } : null, ViewHashes.Of);

    private LinkView? Mobility(string slug, ReadSet reads, string? code = null) =>
        Track(reads, Key("mobility", code, slug), () => _index.MobilityPages.GetValueOrDefault(slug) is { } doc ? LinkIn(doc, code) : null, ViewHashes.Of);

    private IReadOnlyList<LinkView> MobilityLinkedFrom(string slug, ReadSet reads, string? code = null) =>
        Track(reads, Key("linked-from", code, slug), () => LinksIn(_index.MobilityLinkedFrom.GetValueOrDefault(slug), code), ViewHashes.Of);

    private IReadOnlyList<LinkView> ExerciseUsedBy(string id, ReadSet reads, string? code = null) =>
        Track(reads, Key("used-by", code, id), () => LinksIn(_index.ExerciseUsedBy.GetValueOrDefault(id), code), ViewHashes.Of);

    /// <summary>The ids of an exercise's easier and harder variations (both ways: see <see cref="SiteIndex.Progressions"/>).</summary>
    public Progression Progressions(string id, ReadSet reads) =>
        Track(reads, "progressions:" + id, () => _index.Progressions.GetValueOrDefault(id) ?? new Progression([], []), ViewHashes.Of);

    /// <summary>Variations as links (title, address, summary), each read as the exercise fact it shows.</summary>
    private IReadOnlyList<LinkView> Variations(IReadOnlyList<string> ids, ReadSet reads, string? code) =>
        ids.Select(id => ExerciseIn(id, code, reads)).OfType<ExerciseView>().Select(e => new LinkView(e.Title, e.Url, e.Summary, Kind: "exercise", Hreflang: e.Hreflang)).ToList();

    /// <summary>A tag as a page in a language shows it: that language's title and topic page.</summary>
    public TagView Tag(string tag, ReadSet reads, string? language = null)
    {
        var code = Other(language);
        return Track(reads, Key("tag", code, tag), () => new TagView(tag, _inputs.Config.TagTitle(tag, code), Translations.UrlIn(code, $"/tags/{tag}/"), _index.Tags.GetValueOrDefault(tag)?.Count ?? 0), ViewHashes.Of);
    }

    /// <summary>
    /// The pages sharing most tags with a page; a translation has its original's, each in the
    /// translation's language when translated.
    /// </summary>
    private IReadOnlyList<LinkView> Related(Document doc, ReadSet reads) =>
        Track(reads, "related:" + doc.Source, () =>
        {
            var page = doc.Require<ContentPage>();
            var original = page.OriginalSource is { } source && _index.BySource.GetValueOrDefault(source) is { } o ? o : doc;
            return (IReadOnlyList<LinkView>)_related.Value.For(original, 4).Select(d => LinkIn(d, Other(page.Language))).ToList();
        }, ViewHashes.Of);

    /// <summary>An image file's view: its address, and its credit's title and caption when it has one.</summary>
    /// <param name="language">The language of the page showing it: the words of its credit line.</param>
    public ImageView? Image(string? file, string fallbackAlt, ReadSet reads, string? language = null)
    {
        if (file is null)
        {
            return null;
        }

        var code = Other(language);
        var image = Track(reads, Key("image", code, file), () => _inputs.Catalog.Contains("images/" + file) ? CreateImage(file, null, code) : null, ViewHashes.Of);
        // The alt text is the credit's title, else the page's own words (not part of the fact).
        return image is null || image.Title is not null ? image : CreateImage(file, fallbackAlt, code);
    }

    /// <summary>Every published exercise's view, by title: the exercise library.</summary>
    /// <summary>Every published exercise's view in a language (its translation, else the original), by title: the exercise library.</summary>
    public IReadOnlyList<ExerciseView> Exercises(ReadSet reads, string? language = null)
    {
        var code = Other(language);
        return Track(reads, Key("exercises", code), () => (IReadOnlyList<ExerciseView>)_index.Exercises.Keys.Order(StringComparer.Ordinal)
            .Select(id => ExerciseIn(id, code, ReadSet.Ignored)!).OrderBy(e => e.Title, StringComparer.Ordinal).ToList(), ViewHashes.Of);
    }

    public IReadOnlyList<LinkView> Articles(ReadSet reads, string? language = null)
    {
        var code = Other(language);
        return Track(reads, Key("articles", code), () => LinksIn(_index.Articles, code), ViewHashes.Of);
    }

    public IReadOnlyList<LinkView> MobilityPages(ReadSet reads, string? language = null)
    {
        var code = Other(language);
        return Track(reads, Key("mobility-pages", code), () => LinksIn(SiteIndex.Sorted(_index.MobilityPages.Values), code), ViewHashes.Of);
    }

    public IReadOnlyList<TagView> Tags(ReadSet reads, string? language = null)
    {
        var code = Other(language);
        return Track(reads, Key("tags", code), () => (IReadOnlyList<TagView>)_index.Tags.Keys.Order(StringComparer.Ordinal).Select(t => Tag(t, ReadSet.Ignored, code)).ToList(), ViewHashes.Of);
    }

    public IReadOnlyList<LinkView> TagPages(string tag, ReadSet reads, string? language = null)
    {
        var code = Other(language);
        return Track(reads, Key("tag-pages", code, tag), () => LinksIn(_index.Tags.GetValueOrDefault(tag), code), ViewHashes.Of);
    }

    /// <summary>The credits page's list in a language: each image's title in it (credits.yml's translations), the rest as written.</summary>
    public IReadOnlyList<CreditView> CreditsPage(ReadSet reads, string? language = null)
    {
        var code = Other(language);
        return Track(reads, Key("credits", code), () => CreditViews.For(_inputs, _index, code), ViewHashes.Of);
    }

    // ---- Views of one page ------------------------------------------------------------------

    /// <param name="code">The language of the page showing it (null: the default): the words of its dose.</param>
    private ExerciseView CreateExercise(Document doc, string? code)
    {
        var page = doc.Require<ContentPage>();
        var fm = doc.Require<ExerciseFrontMatter>();
        return new ExerciseView
        {
            Id = page.Slug,
            Title = fm.Title,
            Summary = fm.Summary,
            Url = page.Url,
            Targets = fm.Targets,
            Equipment = fm.Equipment,
            TargetTitles = fm.Targets.Select(t => _inputs.Config.TargetTitle(t, code)).ToList(),
            EquipmentTitles = fm.Equipment.Select(e => _inputs.Config.EquipmentTitle(e, code)).ToList(),
            Difficulty = fm.Difficulty?.ToString().ToLowerInvariant(),
            Dosage = Dosage(fm.Dosage, StringsIn(code)),
            Steps = doc.Get<RenderedSteps>()?.Html ?? [],
            Cautions = fm.Cautions.Select(c => c.Value).ToList(),
            Image = page.Image is { } image && _inputs.Catalog.Contains("images/" + image.Value) ? CreateImage(image.Value, fm.Title, code) : null,
            Video = fm.Video is { } video ? CreateVideo(video.Value, fm.Title, code) : null,
        };
    }

    /// <param name="fallbackAlt">The alt text when the image's credit has no title.</param>
    /// <summary>The media markup's words in a language: the theme's strings.media, English without a theme.</summary>
    private Media.MediaStrings MediaIn(string? code) => Media.MediaStrings.From(StringsIn(code));

    private ImageView CreateImage(string file, string? fallbackAlt, string? code)
    {
        _inputs.Credits.TryGetValue(file, out var credit);
        var alt = credit?.TitleIn(code) ?? fallbackAlt ?? "";
        var view = new ImageView("/images/" + Uri.EscapeDataString(file), alt, credit?.TitleIn(code), credit is null ? null : CreditHtml.Short(credit, MediaIn(code).ImageCredit));
        if (!_media.Images.TryGetValue(file, out var media))
        {
            return view;
        }

        return view with
        {
            Picture = Media.MediaHtml.Picture(media, alt, Media.ImageSlot.Content, Media.ImageLoading.Eager),
            // Beside the card's title the picture says nothing more: decorative, so empty alt text.
            CardPicture = Media.MediaHtml.Picture(media, "", Media.ImageSlot.Card, Media.ImageLoading.Lazy),
            OpenGraph = media.OpenGraph is { } crop ? new OpenGraphImageView(crop.Url, crop.Spec.Width, crop.Height) : null,
        };
    }

    /// <summary>An exercise's demonstration player; null when the clip cannot be shown (its errors are reported by the site index).</summary>
    private VideoView? CreateVideo(string video, string title, string? code)
    {
        var words = MediaIn(code);
        if (KneeGuide.Site.Links.UrlClassifier.Classify(video) == KneeGuide.Site.Links.UrlKind.External)
        {
            return Media.OnlineVideo.Parse(video, out _) is { } online
                ? new VideoView(Media.MediaHtml.OnlineVideo(online, title, words), Online: true)
                : null;
        }

        return _media.Videos.TryGetValue(video, out var clip) && clip.Captions.Count > 0 && _inputs.VideoCredits.TryGetValue(video, out var credit)
            ? new VideoView(Media.MediaHtml.Video(clip, title, words) + "<p class=\"credit\">" + CreditHtml.Short(credit, words.VideoCredit) + "</p>", Online: false)
            : null;
    }

    /// <summary>A dose in English words (what search indexes).</summary>
    public static DosageView Dosage(Dosage d) => Dosage(d, null);

    /// <summary>
    /// A dose in the theme's words of a language (strings.dosage); English when the theme has none
    /// (search, which reads English pages only).
    /// </summary>
    public static DosageView Dosage(Dosage d, ThemeStrings? strings)
    {
        string Word(string key, string english) => strings?.Values.Count > 0 ? strings.Text("dosage." + key) : english;
        var side = d.Side?.ToString().ToLowerInvariant();
        var amount = d.Reps is not null ? $"{d.Reps} {Word("reps", "reps")}" : $"{d.HoldSeconds} {Word("hold", "s hold")}";
        var text = $"{d.Sets} × {amount}";
        var sideText = side switch
        {
            "each" => Word("each_side", "each side"),
            "left" => Word("left_side", "left side"),
            "right" => Word("right_side", "right side"),
            _ => "",
        };
        text += sideText.Length > 0 ? ", " + sideText : "";
        if (!string.IsNullOrEmpty(d.Frequency))
        {
            text += $", {d.Frequency}";
        }

        return new DosageView(d.Sets, d.Reps, d.HoldSeconds, side, d.Frequency, text, sideText);
    }

    /// <summary>The view of a published page; what it shows of other pages is recorded in <paramref name="reads"/>.</summary>
    public PageView Page(Document doc, ReadSet reads)
    {
        var page = doc.Require<ContentPage>();
        var rendered = doc.Get<RenderedMarkdown>();
        var kind = page.Kind.ToString().ToLowerInvariant();
        // An exercise placed as a card in the text is listed there only, not again at the end; the
        // sheet has every exercise the page shows, in the order a reader meets them.
        IReadOnlyList<string> inline = page.Kind == ContentKind.Exercise ? [] : doc.Get<BodyFacts>()?.InlineCards ?? [];
        var listed = page.Kind == ContentKind.Exercise ? [] : page.Exercises.Select(e => e.Value).Distinct(StringComparer.Ordinal).ToList();
        var exercises = listed.Where(id => !inline.Contains(id)).Select(id => ExerciseIn(id, page.Language, reads)).OfType<ExerciseView>().ToList();
        var sheetExercises = page.Kind == ContentKind.Exercise
            ? new[] { ExerciseIn(page.Slug, page.Language, reads) }.OfType<ExerciseView>().ToList()
            : inline.Concat(listed).Distinct(StringComparer.Ordinal).Select(id => ExerciseIn(id, page.Language, reads)).OfType<ExerciseView>().ToList();
        var address = AbsoluteUrl(page.Url);
        var code = Other(page.Language);
        // A translation's lists are its original's (built from the originals' front matter), each
        // page in the translation's language when it is translated.
        var slug = page.Slug;
        var linkedFrom = page.Kind switch
        {
            ContentKind.Mobility => MobilityLinkedFrom(slug, reads, code),
            ContentKind.Exercise => ExerciseUsedBy(slug, reads, code),
            _ => [],
        };
        var breadcrumbs = Breadcrumbs(page, reads);
        var progressions = page.Kind == ContentKind.Exercise ? Progressions(page.Slug, reads) : new Progression([], []);
        return new PageView
        {
            Kind = kind,
            Title = page.Title,
            Description = page.Description,
            Url = page.Url,
            CanonicalUrl = address,
            Date = Iso(page.Date),
            Draft = page.Draft,
            Updated = Iso(page.Updated),
            ReviewedBy = page.Reviewed?.By,
            ReviewedOn = Iso(page.Reviewed?.On),
            Tags = page.Tags.Select(t => t.Value).Distinct().Order(StringComparer.Ordinal).Select(t => Tag(t, reads, code)).ToList(),
            Toc = (rendered?.Headings ?? []).Where(h => h.Level is 2 or 3).Select(h => new HeadingView(h.Level, h.Text, h.Id)).ToList(),
            Exercises = exercises,
            Mobility = page.Mobility.Select(m => Mobility(m.Value, reads, code)).OfType<LinkView>().ToList(),
            LinkedFrom = linkedFrom,
            Easier = Variations(progressions.Easier, reads, code),
            Harder = Variations(progressions.Harder, reads, code),
            Related = Related(doc, reads),
            Alternates = Alternates(page, reads).Select(a => a with { Current = a.Url == page.Url }).ToList(),
            XDefaultUrl = Alternates(page, reads) is { Count: > 0 } versions && versions[0].Code == _inputs.Config.AllLanguages[0].Code.Value ? versions[0].AbsoluteUrl : null,
            Language = page.Language,
            TranslationStale = page.Stale,
            TranslationUnreviewed = page.IsTranslation && page.Reviewed is null,
            Dir = code is null ? null : _inputs.Config.LanguageOf(code)?.Dir,
            Breadcrumbs = breadcrumbs,
            Image = Image(page.Image?.Value, page.Title, reads, code),
            EmbedsVideo = (rendered?.EmbedsVideo ?? false) || (page.Kind == ContentKind.Exercise && ExerciseIn(page.Slug, page.Language, reads)?.Video?.Online == true),
            Exercise = page.Kind == ContentKind.Exercise ? ExerciseIn(page.Slug, page.Language, reads) : null,
            PlanUrl = sheetExercises.Count == 0 ? null : Translations.UrlIn(code, "/plan/") + "?e=" + string.Join(',', sheetExercises.Select(e => e.Id)),
            Sheet = sheetExercises.Count == 0 ? null : new SheetView(page.Title, address, QrSvg.Of(address), Iso(page.Reviewed?.On), sheetExercises),
            JsonLd = JsonLd.ForPage(this, page, page.Kind == ContentKind.Exercise ? ExerciseIn(page.Slug, page.Language, reads) : null, breadcrumbs),
        };
    }

    public static LinkView Link(Document doc)
    {
        var p = doc.Require<ContentPage>();
        return new LinkView(p.Title, p.Url, p.Description, Kind: p.Kind.ToString().ToLowerInvariant());
    }

    public static IReadOnlyList<LinkView> Links(IEnumerable<Document>? docs) => (docs ?? []).Select(Link).ToList();

    /// <summary>The trail to a page, in its language's words and addresses (strings.crumbs).</summary>
    public IReadOnlyList<LinkView> Breadcrumbs(ContentPage page, ReadSet reads)
    {
        if (page.Kind == ContentKind.Home)
        {
            return [];
        }

        var section = page.Kind switch
        {
            ContentKind.Article => "articles",
            ContentKind.Mobility => "mobility",
            ContentKind.Exercise => "exercises",
            _ => null,
        };
        var code = Other(page.Language);
        var crumbs = new List<LinkView>(Trail(code, reads));
        if (section is not null)
        {
            crumbs.Add(new(StringsIn(code).Text("crumbs." + section), Translations.UrlIn(code, section == "exercises" ? "/exercises/" : $"/{section}/")));
        }

        crumbs.Add(new(page.Title, page.Url, Current: true));
        return crumbs;
    }

    /// <summary>The start of every trail in a language: its home page.</summary>
    public IReadOnlyList<LinkView> Trail(string? language, ReadSet reads) => [new(StringsIn(language).Text("crumbs.home"), SiteIn(language, reads).HomeUrl)];

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
