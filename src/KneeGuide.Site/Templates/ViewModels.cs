namespace KneeGuide.Site.Templates;

// What templates see. Liquid names are snake_case versions of these property names
// (page.reviewed_by, exercise.dosage_text). Everything here is plain data: templates cannot
// call back into the build.

public sealed record SiteView(
    string Title,
    string Description,
    string Language,
    string Dir,
    string BaseUrl,
    string Disclaimer,
    ClinicView? Clinic,
    IReadOnlyList<LinkView> Nav,
    PainRuleView PainRule)
{
    /// <summary>The start of the language's addresses: "" in the default language, "/es" in Spanish ({{ site.root }}/tags/).</summary>
    public string Root { get; init; } = "";

    /// <summary>The language's home page: /es/ when the home page is translated, else /.</summary>
    public string HomeUrl { get; init; } = "/";

    /// <summary>The default language's code (for a theme's links to pages in it).</summary>
    public string DefaultLanguage { get; init; } = "en";
}

/// <summary>One language version of a page, for hreflang links and the language switcher.</summary>
public sealed record AlternateView(string Code, string Name, string Dir, string Url, string AbsoluteUrl, bool Current = false);

/// <summary>site.yml's pain rule for the sheets' 0-10 scale: <see cref="Scale"/> holds 0 to 10, each marked when it is within the rule.</summary>
public sealed record PainRuleView(int Acceptable, string Text, IReadOnlyList<PainLevelView> Scale);

public sealed record PainLevelView(int Value, bool Fine);

/// <summary>
/// A home exercise sheet: every exercise the page shows (cards in the text first, then its
/// exercises: list; an exercise page's own exercise), with what a patient needs at home: the page's
/// address (as a QR code drawn at build time) and its clinical review date.
/// </summary>
public sealed record SheetView(string Title, string Url, string? QrSvg, string? ReviewedOn, IReadOnlyList<ExerciseView> Exercises);

public sealed record ClinicView(string Name, string? Url, string? Phone, string? Email);

/// <param name="Hreflang">The language of the linked page when it is not the language of the page showing the link.</param>
public sealed record LinkView(string Title, string Url, string? Description = null, bool Current = false, string? Kind = null, string? Hreflang = null);

/// <summary>
/// An image as templates show it: <see cref="Picture"/> is the whole responsive markup for the text
/// column (the page's own image: loaded at once), <see cref="CardPicture"/> for an exercise card
/// (decorative there, lazy); <see cref="OpenGraph"/> the link-preview crop of a photo.
/// </summary>
public sealed record ImageView(string Url, string Alt, string? Title, string? CreditHtml)
{
    public string Picture { get; init; } = "";

    public string CardPicture { get; init; } = "";

    public OpenGraphImageView? OpenGraph { get; init; }
}

/// <summary>A photo's 1200x630 link-preview copy (og:image).</summary>
public sealed record OpenGraphImageView(string Url, int Width, int Height);

/// <summary>
/// An exercise's demonstration: <see cref="Html"/> is the player (a clip with captions, or a
/// click-to-load YouTube or Vimeo player); <see cref="Online"/> says the page needs video-facade.js.
/// </summary>
public sealed record VideoView(string Html, bool Online);

public sealed record HeadingView(int Level, string Text, string Id);

/// <summary>A tag: its slug (<see cref="Name"/>), what readers see (<see cref="Title"/>), its page and how many pages carry it.</summary>
public sealed record TagView(string Name, string Title, string Url, int Count);

/// <param name="SideText">The side in words ("each side"), or empty.</param>
public sealed record DosageView(int Sets, string? Reps, int? HoldSeconds, string? Side, string? Frequency, string Text, string SideText = "");

public sealed record ExerciseView
{
    /// <summary>The language of an original shown on a page in another (it has no translation in that one): hreflang and lang on its links.</summary>
    public string? Hreflang { get; init; }

    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string Url { get; init; }

    public required IReadOnlyList<string> Targets { get; init; }

    public required IReadOnlyList<string> Equipment { get; init; }

    /// <summary>The words readers see for <see cref="Targets"/>, in the page's language (site.yml's targets:); the ids stay the filters' values.</summary>
    public required IReadOnlyList<string> TargetTitles { get; init; }

    /// <summary>The words readers see for <see cref="Equipment"/>, in the page's language (site.yml's equipment:).</summary>
    public required IReadOnlyList<string> EquipmentTitles { get; init; }

    public string? Difficulty { get; init; }

    public required DosageView Dosage { get; init; }

    public IReadOnlyList<string> Steps { get; init; } = [];

    public IReadOnlyList<string> Cautions { get; init; } = [];

    public ImageView? Image { get; init; }

    public VideoView? Video { get; init; }
}

public sealed record PageView
{
    public required string Kind { get; init; }

    /// <summary>A translation's language code (html lang); null on a page in the default language.</summary>
    public string? Language { get; init; }

    /// <summary>Every language version of the page, itself included (marked current); empty when it has only one.</summary>
    public IReadOnlyList<AlternateView> Alternates { get; init; } = [];

    /// <summary>The default language's version (hreflang x-default), when the page has other versions.</summary>
    public string? XDefaultUrl { get; init; }

    /// <summary>A translation whose original has changed since it was translated.</summary>
    public bool TranslationStale { get; init; }

    /// <summary>A translation no clinician has checked yet (no reviewed: of its own).</summary>
    public bool TranslationUnreviewed { get; init; }

    /// <summary>A translation's writing direction (ltr or rtl); null on a page in the default language.</summary>
    public string? Dir { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string Url { get; init; }

    public required string CanonicalUrl { get; init; }

    public string? Date { get; init; }

    /// <summary>A draft shown by the preview (never in a published build).</summary>
    public bool Draft { get; init; }

    /// <summary>It shows a YouTube or Vimeo player: the layout loads video-facade.js.</summary>
    public bool EmbedsVideo { get; init; }

    public string? Updated { get; init; }

    public string? ReviewedBy { get; init; }

    public string? ReviewedOn { get; init; }

    public IReadOnlyList<TagView> Tags { get; init; } = [];

    public IReadOnlyList<HeadingView> Toc { get; init; } = [];

    public IReadOnlyList<ExerciseView> Exercises { get; init; } = [];

    public IReadOnlyList<LinkView> Mobility { get; init; } = [];

    /// <summary>Pages that point here (mobility pages: articles and exercises; exercises: where used).</summary>
    public IReadOnlyList<LinkView> LinkedFrom { get; init; } = [];

    /// <summary>The page's home exercise sheet (print only), when it shows any exercise.</summary>
    public SheetView? Sheet { get; init; }

    /// <summary>The programme builder opened with the sheet's exercises (/plan/?e=a,b).</summary>
    public string? PlanUrl { get; init; }

    /// <summary>On exercise pages: easier variations (its own easier: and the exercises naming it in harder:).</summary>
    public IReadOnlyList<LinkView> Easier { get; init; } = [];

    /// <summary>On exercise pages: harder variations, both ways.</summary>
    public IReadOnlyList<LinkView> Harder { get; init; } = [];

    /// <summary>Other pages sharing tags.</summary>
    public IReadOnlyList<LinkView> Related { get; init; } = [];

    public IReadOnlyList<LinkView> Breadcrumbs { get; init; } = [];

    public ImageView? Image { get; init; }

    /// <summary>The exercise itself, on exercise pages.</summary>
    public ExerciseView? Exercise { get; init; }

    /// <summary>Lists on generated pages (section lists, tag pages).</summary>
    public IReadOnlyList<LinkView> Items { get; init; } = [];

    /// <summary>On /plan/: every exercise the builder offers, with its variations.</summary>
    public IReadOnlyList<PlanItemView> Plan { get; init; } = [];

    /// <summary>Filter choices on the exercise library.</summary>
    public FiltersView? Filters { get; init; }

    /// <summary>Every credited image, on the credits page.</summary>
    public IReadOnlyList<CreditView> Credits { get; init; } = [];

    /// <summary>JSON-LD for the page, already encoded for a script element.</summary>
    public string JsonLd { get; init; } = "";
}

/// <summary>An exercise in the programme builder, with the ids of its easier and harder variations (space-separated, for data- attributes).</summary>
public sealed record PlanItemView(ExerciseView Exercise, string Easier, string Harder);

public sealed record FiltersView(IReadOnlyList<FilterOption> Targets, IReadOnlyList<FilterOption> Equipment, IReadOnlyList<string> Difficulties);

/// <summary>One choice of a library filter: the value the cards carry (library-filter.js compares it) and the word readers see.</summary>
public sealed record FilterOption(string Id, string Title);

/// <summary>One credited file on the credits page; <see cref="Kind"/> is "image" or "video".</summary>
public sealed record CreditView(string File, string Url, string? Title, string Author, string? Source, string License, string? LicenseUrl, IReadOnlyList<LinkView> UsedOn, string Kind = "image");
