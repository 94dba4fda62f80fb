using System.Collections.Concurrent;
using System.Globalization;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Templates;

/// <summary>Turns typed content and the site index into the plain view models templates see.</summary>
public sealed class ViewModelFactory(SiteInputs inputs, SiteIndex index)
{
    private readonly ConcurrentDictionary<string, ExerciseView> _exercises = new(StringComparer.Ordinal);
    private readonly Lazy<RelatedPages> _related = new(() => new RelatedPages(index));

    public SiteView Site { get; } = CreateSite(inputs.Config);

    public string AbsoluteUrl(string url) => inputs.Config.BaseUrl.TrimEnd('/') + url;

    private static SiteView CreateSite(SiteConfig c) => new(
        c.Title,
        c.Description,
        c.Language,
        c.BaseUrl,
        c.Disclaimer,
        c.Clinic is null ? null : new ClinicView(c.Clinic.Name, c.Clinic.Url, c.Clinic.Phone, c.Clinic.Email),
        c.Nav.Select(n => new LinkView(n.Title, n.Url.Value)).ToList());

    public ExerciseView? Exercise(string id) =>
        index.Exercises.TryGetValue(id, out var doc) ? _exercises.GetOrAdd(id, _ => CreateExercise(doc)) : null;

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
            Cautions = fm.Cautions,
            Image = Image(page.Image?.Value, fm.Title),
        };
    }

    public static DosageView Dosage(Dosage d)
    {
        var side = d.Side?.ToString().ToLowerInvariant();
        var amount = d.Reps is not null ? $"{d.Reps} reps" : $"{d.HoldSeconds} s hold";
        var text = $"{d.Sets} × {amount}";
        text += side switch
        {
            "each" => ", each side",
            "left" => ", left side",
            "right" => ", right side",
            _ => "",
        };
        if (!string.IsNullOrEmpty(d.Frequency))
        {
            text += $", {d.Frequency}";
        }

        return new DosageView(d.Sets, d.Reps, d.HoldSeconds, side, d.Frequency, text);
    }

    public ImageView? Image(string? file, string fallbackAlt)
    {
        if (file is null || !inputs.Catalog.Contains("images/" + file))
        {
            return null;
        }

        inputs.Credits.TryGetValue(file, out var credit);
        return new ImageView("/images/" + Uri.EscapeDataString(file), credit?.Title ?? fallbackAlt, credit?.Title, credit is null ? null : CreditHtml.Short(credit));
    }

    public PageView Page(Document doc)
    {
        var page = doc.Require<ContentPage>();
        var rendered = doc.Get<RenderedMarkdown>();
        var kind = page.Kind.ToString().ToLowerInvariant();
        var exercises = page.Kind == ContentKind.Exercise ? [] : page.Exercises.Select(e => Exercise(e.Value)).OfType<ExerciseView>().ToList();
        var linkedFrom = page.Kind switch
        {
            ContentKind.Mobility => Links(index.MobilityLinkedFrom.GetValueOrDefault(page.Slug)),
            ContentKind.Exercise => Links(index.ExerciseUsedBy.GetValueOrDefault(page.Slug)),
            _ => [],
        };
        return new PageView
        {
            Kind = kind,
            Title = page.Title,
            Description = page.Description,
            Url = page.Url,
            CanonicalUrl = AbsoluteUrl(page.Url),
            Date = Iso(page.Date),
            Draft = page.Draft,
            Updated = Iso(page.Updated),
            ReviewedBy = page.Reviewed?.By,
            ReviewedOn = Iso(page.Reviewed?.On),
            Tags = page.Tags.Select(t => t.Value).Distinct().Order(StringComparer.Ordinal).Select(Tag).ToList(),
            Toc = (rendered?.Headings ?? []).Where(h => h.Level is 2 or 3).Select(h => new HeadingView(h.Level, h.Text, h.Id)).ToList(),
            Exercises = exercises,
            Mobility = page.Mobility.Select(m => index.MobilityPages.GetValueOrDefault(m.Value)).OfType<Document>().Select(Link).ToList(),
            LinkedFrom = linkedFrom,
            Related = Related(doc),
            Breadcrumbs = Breadcrumbs(page),
            Image = Image(page.Image?.Value, page.Title),
            Exercise = page.Kind == ContentKind.Exercise ? Exercise(page.Slug) : null,
            JsonLd = JsonLd.ForPage(this, page, doc),
        };
    }

    public TagView Tag(string tag) => new(tag, $"/tags/{tag}/", index.Tags.GetValueOrDefault(tag)?.Count ?? 0);

    public static LinkView Link(Document doc)
    {
        var p = doc.Require<ContentPage>();
        return new LinkView(p.Title, p.Url, p.Description, Kind: p.Kind.ToString().ToLowerInvariant());
    }

    public static IReadOnlyList<LinkView> Links(IEnumerable<Document>? docs) => (docs ?? []).Select(Link).ToList();

    private IReadOnlyList<LinkView> Related(Document doc) => _related.Value.For(doc, 4).Select(Link).ToList();

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
