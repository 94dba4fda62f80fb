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

    public ViewModelFactory(SiteInputs inputs, SiteIndex index, Media.MediaLibrary? media = null)
    {
        _inputs = inputs;
        _index = index;
        _media = media ?? Media.MediaLibrary.Empty;
        _related = new(() => new RelatedPages(index));
        Site = CreateSite(inputs.Config);
    }

    public SiteView Site { get; }

    public SiteIndex Index => _index;

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
        new PainRuleView(c.PainRule.Acceptable, c.PainRule.Text, Enumerable.Range(0, 11).Select(n => new PainLevelView(n, n <= c.PainRule.Acceptable)).ToList()));

    // ---- Facts: what one page shows of others ------------------------------------------------

    /// <summary>The current hash of a view fact (for the build cache's check of a recorded read).</summary>
    public UInt128 Hash(string key)
    {
        var colon = key.IndexOf(':');
        var (kind, name) = colon < 0 ? (key, "") : (key[..colon], key[(colon + 1)..]);
        var reads = ReadSet.Ignored;
        _ = kind switch
        {
            "exercise" => (object?)Exercise(name, reads),
            "alternates" => _index.BySource.GetValueOrDefault(name) is { } original ? Alternates(original.Require<ContentPage>(), reads) : null,
            "exercise-in" => ExerciseIn(name[(name.IndexOf(':') + 1)..], name[..Math.Max(0, name.IndexOf(':'))], reads),
            "mobility" => Mobility(name, reads),
            "linked-from" => MobilityLinkedFrom(name, reads),
            "used-by" => ExerciseUsedBy(name, reads),
            "progressions" => Progressions(name, reads),
            "tag" => Tag(name, reads),
            "related" => _index.BySource.GetValueOrDefault(name) is { } doc ? Related(doc, reads) : null,
            "image" => Image(name, "", reads),
            "exercises" => Exercises(reads),
            "articles" => Articles(reads),
            "mobility-pages" => MobilityPages(reads),
            "tags" => Tags(reads),
            "tag-pages" => TagPages(name, reads),
            "credits" => CreditsPage(reads),
            _ => throw new InvalidOperationException($"Unknown fact '{key}'."),
        };
        return _facts.TryGetValue(key, out var fact) ? fact.Hash : ContentHash.Of("absent", key);
    }

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
        Track(reads, "exercise:" + id, () => _index.Exercises.TryGetValue(id, out var doc) ? CreateExercise(doc) : null, ViewHashes.Of);

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
    public ExerciseView? ExerciseIn(string id, string? language, ReadSet reads) =>
        string.IsNullOrEmpty(language) ? Exercise(id, reads)
        : Track(reads, $"exercise-in:{language}:{id}", () =>
            _index.Translations.TryGetValue(SiteIndex.TranslationKey(language, $"exercises/{id}.md"), out var translated) ? CreateExercise(translated)
            : _index.Exercises.TryGetValue(id, out var doc) ? CreateExercise(doc) : null, ViewHashes.Of);

    private LinkView? Mobility(string slug, ReadSet reads) =>
        Track(reads, "mobility:" + slug, () => _index.MobilityPages.GetValueOrDefault(slug) is { } doc ? Link(doc) : null, ViewHashes.Of);

    private IReadOnlyList<LinkView> MobilityLinkedFrom(string slug, ReadSet reads) =>
        Track(reads, "linked-from:" + slug, () => Links(_index.MobilityLinkedFrom.GetValueOrDefault(slug)), ViewHashes.Of);

    private IReadOnlyList<LinkView> ExerciseUsedBy(string id, ReadSet reads) =>
        Track(reads, "used-by:" + id, () => Links(_index.ExerciseUsedBy.GetValueOrDefault(id)), ViewHashes.Of);

    /// <summary>The ids of an exercise's easier and harder variations (both ways: see <see cref="SiteIndex.Progressions"/>).</summary>
    public Progression Progressions(string id, ReadSet reads) =>
        Track(reads, "progressions:" + id, () => _index.Progressions.GetValueOrDefault(id) ?? new Progression([], []), ViewHashes.Of);

    /// <summary>Variations as links (title, address, summary), each read as the exercise fact it shows.</summary>
    private IReadOnlyList<LinkView> Variations(IReadOnlyList<string> ids, ReadSet reads) =>
        ids.Select(id => Exercise(id, reads)).OfType<ExerciseView>().Select(e => new LinkView(e.Title, e.Url, e.Summary, Kind: "exercise")).ToList();

    public TagView Tag(string tag, ReadSet reads) =>
        Track(reads, "tag:" + tag, () => new TagView(tag, _inputs.Config.TagTitle(tag), $"/tags/{tag}/", _index.Tags.GetValueOrDefault(tag)?.Count ?? 0), ViewHashes.Of);

    private IReadOnlyList<LinkView> Related(Document doc, ReadSet reads) =>
        Track(reads, "related:" + doc.Source, () => (IReadOnlyList<LinkView>)_related.Value.For(doc, 4).Select(Link).ToList(), ViewHashes.Of);

    /// <summary>An image file's view: its address, and its credit's title and caption when it has one.</summary>
    public ImageView? Image(string? file, string fallbackAlt, ReadSet reads)
    {
        if (file is null)
        {
            return null;
        }

        var image = Track(reads, "image:" + file, () => _inputs.Catalog.Contains("images/" + file) ? CreateImage(file, null) : null, ViewHashes.Of);
        // The alt text is the credit's title, else the page's own words (not part of the fact).
        return image is null || image.Title is not null ? image : CreateImage(file, fallbackAlt);
    }

    /// <summary>Every published exercise's view, by title: the exercise library.</summary>
    public IReadOnlyList<ExerciseView> Exercises(ReadSet reads) =>
        Track(reads, "exercises", () => (IReadOnlyList<ExerciseView>)_index.Exercises.Keys.Order(StringComparer.Ordinal)
            .Select(id => Exercise(id, ReadSet.Ignored)!).OrderBy(e => e.Title, StringComparer.Ordinal).ToList(), ViewHashes.Of);

    public IReadOnlyList<LinkView> Articles(ReadSet reads) =>
        Track(reads, "articles", () => Links(_index.Articles), ViewHashes.Of);

    public IReadOnlyList<LinkView> MobilityPages(ReadSet reads) =>
        Track(reads, "mobility-pages", () => Links(SiteIndex.Sorted(_index.MobilityPages.Values)), ViewHashes.Of);

    public IReadOnlyList<TagView> Tags(ReadSet reads) =>
        Track(reads, "tags", () => (IReadOnlyList<TagView>)_index.Tags.Keys.Order(StringComparer.Ordinal).Select(t => Tag(t, ReadSet.Ignored)).ToList(), ViewHashes.Of);

    public IReadOnlyList<LinkView> TagPages(string tag, ReadSet reads) =>
        Track(reads, "tag-pages:" + tag, () => Links(_index.Tags.GetValueOrDefault(tag)), ViewHashes.Of);

    public IReadOnlyList<CreditView> CreditsPage(ReadSet reads) =>
        Track(reads, "credits", () => CreditViews.For(_inputs, _index), ViewHashes.Of);

    // ---- Views of one page ------------------------------------------------------------------

    private ExerciseView CreateExercise(Document doc)
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
            Difficulty = fm.Difficulty?.ToString().ToLowerInvariant(),
            Dosage = Dosage(fm.Dosage),
            Steps = doc.Get<RenderedSteps>()?.Html ?? [],
            Cautions = fm.Cautions.Select(c => c.Value).ToList(),
            Image = page.Image is { } image && _inputs.Catalog.Contains("images/" + image.Value) ? CreateImage(image.Value, fm.Title) : null,
            Video = fm.Video is { } video ? CreateVideo(video.Value, fm.Title) : null,
        };
    }

    /// <param name="fallbackAlt">The alt text when the image's credit has no title.</param>
    private ImageView CreateImage(string file, string? fallbackAlt)
    {
        _inputs.Credits.TryGetValue(file, out var credit);
        var alt = credit?.Title ?? fallbackAlt ?? "";
        var view = new ImageView("/images/" + Uri.EscapeDataString(file), alt, credit?.Title, credit is null ? null : CreditHtml.Short(credit));
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
    private VideoView? CreateVideo(string video, string title)
    {
        if (KneeGuide.Site.Links.UrlClassifier.Classify(video) == KneeGuide.Site.Links.UrlKind.External)
        {
            return Media.OnlineVideo.Parse(video, out _) is { } online
                ? new VideoView(Media.MediaHtml.OnlineVideo(online, title, Media.MediaStrings.English), Online: true)
                : null;
        }

        return _media.Videos.TryGetValue(video, out var clip) && clip.Captions.Count > 0 && _inputs.VideoCredits.TryGetValue(video, out var credit)
            ? new VideoView(Media.MediaHtml.Video(clip, title, Media.MediaStrings.English) + "<p class=\"credit\">" + CreditHtml.Short(credit, Media.MediaStrings.English.VideoCredit) + "</p>", Online: false)
            : null;
    }

    public static DosageView Dosage(Dosage d)
    {
        var side = d.Side?.ToString().ToLowerInvariant();
        var amount = d.Reps is not null ? $"{d.Reps} reps" : $"{d.HoldSeconds} s hold";
        var text = $"{d.Sets} × {amount}";
        var sideText = side switch
        {
            "each" => "each side",
            "left" => "left side",
            "right" => "right side",
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
        var linkedFrom = page.Kind switch
        {
            ContentKind.Mobility => MobilityLinkedFrom(page.Slug, reads),
            ContentKind.Exercise => ExerciseUsedBy(page.Slug, reads),
            _ => [],
        };
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
            Tags = page.Tags.Select(t => t.Value).Distinct().Order(StringComparer.Ordinal).Select(t => Tag(t, reads)).ToList(),
            Toc = (rendered?.Headings ?? []).Where(h => h.Level is 2 or 3).Select(h => new HeadingView(h.Level, h.Text, h.Id)).ToList(),
            Exercises = exercises,
            Mobility = page.Mobility.Select(m => Mobility(m.Value, reads)).OfType<LinkView>().ToList(),
            LinkedFrom = linkedFrom,
            Easier = Variations(progressions.Easier, reads),
            Harder = Variations(progressions.Harder, reads),
            Related = page.IsTranslation ? [] : Related(doc, reads),
            Alternates = Alternates(page, reads).Select(a => a with { Current = a.Url == page.Url }).ToList(),
            XDefaultUrl = Alternates(page, reads) is { Count: > 0 } versions && versions[0].Code == _inputs.Config.AllLanguages[0].Code.Value ? versions[0].AbsoluteUrl : null,
            Language = page.Language,
            TranslationStale = page.Stale,
            TranslationUnreviewed = page.IsTranslation && page.Reviewed is null,
            Dir = page.Language is { } code ? _inputs.Config.LanguageOf(code)?.Dir : null,
            Breadcrumbs = Breadcrumbs(page),
            Image = Image(page.Image?.Value, page.Title, reads),
            EmbedsVideo = (rendered?.EmbedsVideo ?? false) || (page.Kind == ContentKind.Exercise && ExerciseIn(page.Slug, page.Language, reads)?.Video?.Online == true),
            Exercise = page.Kind == ContentKind.Exercise ? ExerciseIn(page.Slug, page.Language, reads) : null,
            PlanUrl = sheetExercises.Count == 0 ? null : "/plan/?e=" + string.Join(',', sheetExercises.Select(e => e.Id)),
            Sheet = sheetExercises.Count == 0 ? null : new SheetView(page.Title, address, QrSvg.Of(address), Iso(page.Reviewed?.On), sheetExercises),
            JsonLd = JsonLd.ForPage(this, page, doc),
        };
    }

    public static LinkView Link(Document doc)
    {
        var p = doc.Require<ContentPage>();
        return new LinkView(p.Title, p.Url, p.Description, Kind: p.Kind.ToString().ToLowerInvariant());
    }

    public static IReadOnlyList<LinkView> Links(IEnumerable<Document>? docs) => (docs ?? []).Select(Link).ToList();

    public IReadOnlyList<LinkView> Breadcrumbs(ContentPage page)
    {
        var home = new LinkView("Home", "/");
        return page.Kind switch
        {
            ContentKind.Home => [],
            ContentKind.Article => [home, new("Articles", "/articles/"), new(page.Title, page.Url, Current: true)],
            ContentKind.Mobility => [home, new("Mobility", "/mobility/"), new(page.Title, page.Url, Current: true)],
            ContentKind.Exercise => [home, new("Exercises", "/exercises/"), new(page.Title, page.Url, Current: true)],
            _ => [home, new(page.Title, page.Url, Current: true)],
        };
    }

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
