using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace KneeGuide.Site.Content;

/// <summary><c>site.yml</c>: site-wide settings.</summary>
public sealed record SiteConfig
{
    [Required, Description("Site title, shown in the header and in every page title.")]
    public string Title { get; init; } = "";

    [Required, Description("Absolute URL the site is published at, e.g. https://kneeguide.netlify.app/.")]
    public string BaseUrl { get; init; } = "";

    [Description("One-sentence description of the site.")]
    public string Description { get; init; } = "";

    [Description("Language of the content (html lang), default en. With languages: it is the first language's code.")]
    public string Language { get; init; } = "en";

    [Description("The languages the guide is published in: a list of { code, name, dir }. The first is the default and keeps the site's addresses; each other language's translations are published under /<code>/. Without it the site has one language, language:.")]
    public IReadOnlyList<SiteLanguage> Languages { get; init; } = [];

    [Description("The clinic behind the site.")]
    public ClinicInfo? Clinic { get; init; }

    [DataType(DataType.MultilineText), Description("Medical disclaimer shown on every page.")]
    public string Disclaimer { get; init; } =
        "This guide is general information, not a diagnosis or a treatment plan. See a physiotherapist or doctor about your own knee.";

    [Description("Header navigation: a list of { title, url }.")]
    public IReadOnlyList<NavItem> Nav { get; init; } = [];

    [Description("Days after a page's review date when its review falls due (default 365).")]
    public int ReviewIntervalDays { get; init; } = 365;

    [Description("Check external http(s) links during the build (also --check-external).")]
    public bool CheckExternalLinks { get; init; }

    [Description("Links (URLs or URL prefixes) the link checker must not report.")]
    public IReadOnlyList<string> LinkCheckIgnore { get; init; } = [];

    [Description("Site search settings: synonyms added to the clinical list KneeGuide ships.")]
    public SearchSettings Search { get; init; } = new();

    [Description("How photos are published: sizes, formats and budgets.")]
    public ImageSettings Images { get; init; } = new();

    [Description("The web editor at /admin/ (Decap CMS): the GitHub repository it proposes changes to. Without it the site has no /admin/.")]
    public CmsSettings? Cms { get; init; }

    [Description("The titles readers see for tags: a map from tag slug to title, e.g. runners-knee: \"Runner's knee\". A tag not listed is shown as its slug with spaces and a capital letter (knee-pain: Knee pain).")]
    [KeysFrom(nameof(ArticleFrontMatter.Tags), typeof(ArticleFrontMatter), typeof(ExerciseFrontMatter))]
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    [Description("The words readers see for exercises' targets (glutes: Glutes): a map from the value written in targets: to its title. A value not listed is shown as written.")]
    [KeysFrom(nameof(ExerciseFrontMatter.Targets), typeof(ExerciseFrontMatter))]
    public IReadOnlyDictionary<string, string> Targets { get; init; } = new Dictionary<string, string>();

    [Description("The words readers see for exercises' equipment (band: Resistance band): a map from the value written in equipment: to its title. A value not listed is shown as written.")]
    [KeysFrom(nameof(ExerciseFrontMatter.Equipment), typeof(ExerciseFrontMatter))]
    public IReadOnlyDictionary<string, string> Equipment { get; init; } = new Dictionary<string, string>();

    [Description("The pain-monitoring rule printed under the 0-10 pain scale on home exercise sheets.")]
    public PainRule PainRule { get; init; } = new();

    [Description("Reading age checks: every page is scored at build time and a page harder than the target is reported.")]
    public ReadabilitySettings Readability { get; init; } = new();

    /// <summary>The declared languages, the default first; one language (<see cref="Language"/>) when site.yml has no <c>languages:</c>.</summary>
    public IReadOnlyList<SiteLanguage> AllLanguages => Languages.Count > 0 ? Languages
        : [new SiteLanguage { Code = new(Language, default), Name = Media.LanguageNames.Of(Language) }];

    /// <summary>The declared language with this code, or null.</summary>
    public SiteLanguage? LanguageOf(string code) => AllLanguages.FirstOrDefault(l => l.Code.Value == code);

    /// <summary>The title readers of a language see for a tag: that language's <c>tags:</c>, else <see cref="TagTitle(string)"/>.</summary>
    public string TagTitle(string slug, string? language) =>
        language is not null && LanguageOf(language) is { } l && l.Tags.TryGetValue(slug, out var title) && title.Length > 0 ? title : TagTitle(slug);

    /// <summary>The word readers of a language see for an exercise's target: that language's <c>targets:</c>, else site.yml's, else the value as written.</summary>
    public string TargetTitle(string value, string? language) =>
        VocabularyTitle(value, Targets, language is null ? null : LanguageOf(language)?.Targets);

    /// <summary>The word readers of a language see for an exercise's equipment: that language's <c>equipment:</c>, else site.yml's, else the value as written.</summary>
    public string EquipmentTitle(string value, string? language) =>
        VocabularyTitle(value, Equipment, language is null ? null : LanguageOf(language)?.Equipment);

    private static string VocabularyTitle(string value, IReadOnlyDictionary<string, string> site, IReadOnlyDictionary<string, string>? language) =>
        language is not null && language.TryGetValue(value, out var title) && title.Length > 0 ? title
        : site.TryGetValue(value, out title) && title.Length > 0 ? title : value;

    /// <summary>The title readers see for a tag: site.yml's <c>tags:</c> map, else the slug with spaces and a capital.</summary>
    public string TagTitle(string slug) =>
        Tags.TryGetValue(slug, out var title) && title.Length > 0 ? title
        : slug.Length == 0 ? slug : char.ToUpperInvariant(slug[0]) + slug[1..].Replace('-', ' ');
}

/// <summary>One of site.yml's <c>languages:</c>.</summary>
public sealed class SiteLanguage
{
    public const string CodePattern = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$";

    [Required, RegularExpression(CodePattern, ErrorMessage = "must be a language code in lower case, such as en, es, ar or pt-BR")]
    [Description("The language's code (BCP 47), e.g. en, es, ar: the html lang, the hreflang and, except for the first language, the folder its pages are published under and the middle of its translations' file names (runners-knee.es.md).")]
    public Located<string> Code { get; init; } = new("", default);

    [Required, Description("The language's name in that language, e.g. Español: shown in the language switcher.")]
    public string Name { get; init; } = "";

    [RegularExpression("^(ltr|rtl)$", ErrorMessage = "must be ltr (left to right, the default) or rtl (right to left, e.g. Arabic)")]
    [Description("Direction of the writing: ltr (default) or rtl (right to left).")]
    public string Dir { get; init; } = "ltr";

    // The site's own words in this language (Hugo's languages.<code>.params and menus): the first
    // language's are site.yml's title, description, disclaimer, nav, tags and pain_rule.text.

    [Description("The site's title in this language (every language but the first; default: the site's title, a name that often stays the same).")]
    public string? Title { get; init; }

    [Description("The one-sentence description of the site in this language (required for every language but the first).")]
    public string? Description { get; init; }

    [DataType(DataType.MultilineText), Description("The medical disclaimer in this language, shown on every page in it (required for every language but the first).")]
    public string? Disclaimer { get; init; }

    [Description("The header navigation of this language's pages: a list of { title, url }, with this language's addresses (/es/exercises/); required for every language but the first when site.yml has nav.")]
    public IReadOnlyList<NavItem> Nav { get; init; } = [];

    [Description("The pain-monitoring rule in this language, printed under the pain scale of this language's home exercise sheets (required for every language but the first).")]
    public string? PainRuleText { get; init; }

    [Description("Tag titles in this language: a map from tag slug to title. A tag not listed shows the site's own title for it (tags:).")]
    [KeysFrom(nameof(ArticleFrontMatter.Tags), typeof(ArticleFrontMatter), typeof(ExerciseFrontMatter))]
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    [Description("The words for exercises' targets in this language (glutes: Glúteos): a map from the value written in targets: to its title; every value the exercises use needs one (every language but the first).")]
    [KeysFrom(nameof(ExerciseFrontMatter.Targets), typeof(ExerciseFrontMatter))]
    public IReadOnlyDictionary<string, string> Targets { get; init; } = new Dictionary<string, string>();

    [Description("The words for exercises' equipment in this language (chair: Silla): a map from the value written in equipment: to its title; every value the exercises use needs one (every language but the first).")]
    [KeysFrom(nameof(ExerciseFrontMatter.Equipment), typeof(ExerciseFrontMatter))]
    public IReadOnlyDictionary<string, string> Equipment { get; init; } = new Dictionary<string, string>();

    /// <summary>The language's code.</summary>
    public override string ToString() => Code.Value;
}

/// <summary><c>pain_rule:</c> in site.yml: how much pain during and after exercise the clinic says is fine.</summary>
public sealed class PainRule
{
    [Range(0, 10), Description("The most pain, from 0 to 10, that is fine during exercise (default 3): the sheet's scale marks 0 to this as fine.")]
    public int Acceptable { get; init; } = 3;

    [Description("The rule in the clinic's words, printed under the pain scale.")]
    public string Text { get; init; } =
        "Some pain while you exercise is fine if it stays at 3 out of 10 or less and has settled by the next morning. If it goes higher, or is worse the next day, do less next time and tell your physiotherapist.";
}

/// <summary><c>readability:</c> in site.yml.</summary>
public sealed class ReadabilitySettings
{
    [Range(6, 18), Description("The reading age every page should meet (default 11, as the NHS and the Patient Information Forum advise: 9 to 11). A page above it gets a warning naming its hardest paragraphs.")]
    public int TargetAge { get; init; } = 11;

    [Description("Medical words patients need and that are explained on the page (patellofemoral, tendinopathy): not counted against a page's reading age.")]
    public IReadOnlyList<string> MedicalTerms { get; init; } = [];

    [Description("false turns the reading age warnings off (default true).")]
    public bool Check { get; init; } = true;
}


/// <summary><c>site.yml</c> <c>search:</c>.</summary>
public sealed class SearchSettings
{
    [Description("Groups of words or phrases that mean the same for search, e.g. [[bum, glutes, buttocks], [physio, physiotherapist]]; added to the clinical synonyms KneeGuide ships.")]
    public IReadOnlyList<IReadOnlyList<Located<string>>> Synonyms { get; init; } = [];
}

/// <summary><c>site.yml</c> <c>images:</c> how raster images (photos) are published.</summary>
public sealed record ImageSettings
{
    [Description("Also publish AVIF copies (12-25% smaller than WebP, but about 3 seconds of build time per photo the first time). Default false.")]
    public bool Avif { get; init; }

    [Description("Publish each photo at its full original size too (without its camera and location data). Default false: the largest copy is 1920 pixels wide.")]
    public bool PublishOriginals { get; init; }

    [Range(1, 1_000_000), Description("Warn about a source image file larger than this many kilobytes (default 8000).")]
    public int MaxSourceKb { get; init; } = 8000;

    [Range(1, 1_000_000), Description("Warn about a page whose images weigh more than this many kilobytes on a phone (default 1000).")]
    public int PageBudgetKb { get; init; } = 1000;
}

/// <summary><c>site.yml</c> <c>cms:</c>: where the published web editor saves (GitHub, signing in through Netlify).</summary>
public sealed class CmsSettings
{
    public const string RepoPattern = "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$";

    [Required, RegularExpression(RepoPattern, ErrorMessage = "must be a GitHub repository written as owner/name, e.g. mtp-health/kneeguide")]
    [Description("GitHub repository the web editor saves to, as owner/name.")]
    public string Repo { get; init; } = "";

    [Description("Branch that editors' changes are proposed to as pull requests (default main).")]
    public string Branch { get; init; } = "main";
}

public sealed class ClinicInfo
{
    [Required, Description("Clinic name.")]
    public string Name { get; init; } = "";

    [Description("Clinic website.")]
    public string? Url { get; init; }

    [Description("Phone number.")]
    public string? Phone { get; init; }

    [Description("Email address.")]
    public string? Email { get; init; }
}

public sealed class NavItem
{
    [Required, Description("Link text.")]
    public string Title { get; init; } = "";

    [Required, Description("Root-relative URL, e.g. /exercises/.")]
    public Located<string> Url { get; init; } = new("", default);
}

/// <summary>One record of <c>images/credits.yml</c>, in the TASL shape (title, author, source, licence).</summary>
public class ImageCredit
{
    [Description("What the image shows.")]
    public string? Title { get; init; }

    [Required, Description("Who made the image.")]
    public string Author { get; init; } = "";

    [Description("Where the image came from (optional for original work).")]
    public string? Source { get; init; }

    [Required, Description("Licence name, e.g. CC BY 4.0.")]
    public string License { get; init; } = "";

    [Description("Link to the licence text.")]
    public string? LicenseUrl { get; init; }

    [Description("What the image shows in the site's other languages: a list of { language, title }, e.g. - language: es, title: Puente de glúteos, vista lateral. The title is the image's alt text on that language's pages; without one they show title.")]
    public IReadOnlyList<ImageCreditWords> Translations { get; init; } = [];

    /// <summary>What the image shows, in a language (null: the default): its translation's title, else <see cref="Title"/>.</summary>
    public string? TitleIn(string? language) =>
        language is not null && Translations.FirstOrDefault(t => t.Language.Value == language) is { Title.Length: > 0 } words ? words.Title : Title;
}

/// <summary>A credit's words in one more language (credits.yml's <c>translations: es:</c>).</summary>
public sealed class ImageCreditWords
{
    [Required, Description("The language's code, one of site.yml's languages other than the first, e.g. es.")]
    public Located<string> Language { get; init; } = new("", default);

    [Required, Description("What the image shows, in that language: its alt text on that language's pages.")]
    public string Title { get; init; } = "";
}

/// <summary>
/// <c>images/credits.yml</c>. Its records are written either as a map from image file name to credit
/// (<c>knee.svg: { author: ..., license: ... }</c>, the editors' contract), or as a list under
/// <c>credits:</c>, each record naming its <c>file</c>: the form the web editor writes, since a form
/// cannot have one field per image. Both may stand in one file; an image is credited once.
/// </summary>
public sealed class CreditsFile
{
    /// <summary>The key of the list form.</summary>
    public const string ListKey = "credits";

    [Description("Image credits, one record per image file.")]
    public IReadOnlyList<ImageCreditEntry> Credits { get; init; } = [];
}

/// <summary>One record of the list form of credits.yml: the image's file name and its credit.</summary>
public sealed class ImageCreditEntry : ImageCredit
{
    [Required, DataType(DataType.ImageUrl), Description("The image's file name in images/.")]
    public Located<string> File { get; init; } = new("", default);
}
