using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace KneeGuide.Site.Content;

// The typed front matter. Property names map to snake_case keys (HeroImage -> hero_image). The same
// types drive validation (YamlBinder) and the JSON Schemas that editors' tools use, so the two
// cannot drift apart.

/// <summary>Front matter of articles (<c>articles/*.md</c>) and mobility pages (<c>mobility/*.md</c>).</summary>
public sealed class ArticleFrontMatter
{
    [Required, Description("Page title.")]
    public string Title { get; init; } = "";

    [Required, DataType(DataType.MultilineText), Description("One-sentence summary: meta description, cards and search results.")]
    public string Description { get; init; } = "";

    [Required, Description("First published, ISO date YYYY-MM-DD.")]
    public DateOnly Date { get; init; }

    [Description("Last content change, ISO date YYYY-MM-DD.")]
    public DateOnly? Updated { get; init; }

    [Description("Clinical review: who reviewed the page and when.")]
    public Review? Reviewed { get; init; }

    [Description("Tag slugs, e.g. [runners-knee, strength].")]
    [ItemPattern(FrontMatterValueRules.TagSlugEditorPattern, FrontMatterValueRules.TagSlugEditorMessage)]
    public IReadOnlyList<Located<string>> Tags { get; init; } = [];

    [Description("Exercise ids (file names in exercises/) shown as exercise cards on the page.")]
    [References(ContentKind.Exercise)]
    public IReadOnlyList<Located<string>> Exercises { get; init; } = [];

    [Description("Mobility page slugs (file names in mobility/) shown as cross-links.")]
    [References(ContentKind.Mobility)]
    public IReadOnlyList<Located<string>> Mobility { get; init; } = [];

    [DataType(DataType.ImageUrl), Description("Hero image: a file name in images/.")]
    public Located<string>? Image { get; init; }

    [Description("Old URL paths that must redirect to this page, e.g. [/blog/old-name/].")]
    [ItemPattern(FrontMatterValueRules.RedirectEditorPattern, FrontMatterValueRules.RedirectEditorMessage)]
    public IReadOnlyList<Located<string>> RedirectFrom { get; init; } = [];

    [Description("true keeps the page out of the published site.")]
    public bool Draft { get; init; }

    [Description("false turns off link checking on this page (its links, anchors and external links), for a page that shows unusual links on purpose. Default true.")]
    public bool LinkCheck { get; init; } = true;
}

/// <summary>Front matter of the home page and plain pages (about, contact...).</summary>
public sealed class PageFrontMatter
{
    [Required, Description("Page title.")]
    public string Title { get; init; } = "";

    [DataType(DataType.MultilineText), Description("One-sentence summary for the meta description and search results.")]
    public string? Description { get; init; }

    [DataType(DataType.ImageUrl), Description("Hero image: a file name in images/.")]
    public Located<string>? Image { get; init; }

    [Description("Last change to the words, ISO date YYYY-MM-DD: a translation older than this is reported as behind.")]
    public DateOnly? Updated { get; init; }

    [Description("Old URL paths that must redirect to this page.")]
    [ItemPattern(FrontMatterValueRules.RedirectEditorPattern, FrontMatterValueRules.RedirectEditorMessage)]
    public IReadOnlyList<Located<string>> RedirectFrom { get; init; } = [];

    [Description("true keeps the page out of the published site.")]
    public bool Draft { get; init; }

    [Description("false turns off link checking on this page (its links, anchors and external links), for a page that shows unusual links on purpose. Default true.")]
    public bool LinkCheck { get; init; } = true;
}

/// <summary>Clinical review record: <c>reviewed: { by: "Name, role", on: 2026-01-31 }</c>.</summary>
public sealed class Review
{
    [Required, Description("Reviewer, as \"Name, role\".")]
    public string By { get; init; } = "";

    [Required, Description("Review date, ISO YYYY-MM-DD.")]
    public DateOnly On { get; init; }
}

public enum Difficulty
{
    Beginner,
    Intermediate,
    Advanced,
}

public enum Side
{
    Each,
    Both,
    Left,
    Right,
}

/// <summary>Front matter of an exercise (<c>exercises/&lt;id&gt;.md</c>): the definition itself.</summary>
public sealed class ExerciseFrontMatter
{
    [Required, Description("Exercise name.")]
    public string Title { get; init; } = "";

    [Required, DataType(DataType.MultilineText), Description("One sentence: what the exercise is for.")]
    public string Summary { get; init; } = "";

    [Required, Description("Muscle groups or regions worked, e.g. [glutes, quads].")]
    [Vocabulary("quads", "hamstrings", "glutes", "hips", "hip-flexors", "adductors", "calves", "ankles", "core", "knee")]
    public IReadOnlyList<string> Targets { get; init; } = [];

    [Description("Equipment needed, e.g. [chair] or [none].")]
    [Vocabulary("none", "chair", "step", "band", "mat", "wall", "towel", "ball")]
    public IReadOnlyList<string> Equipment { get; init; } = [];

    [Description("beginner, intermediate or advanced.")]
    public Difficulty? Difficulty { get; init; }

    [Required, Description("How much: sets, reps or hold_seconds, side and frequency.")]
    public Dosage Dosage { get; init; } = new();

    [Required, DataType(DataType.MultilineText), Description("Ordered instructions; inline Markdown is allowed.")]
    public IReadOnlyList<Located<string>> Steps { get; init; } = [];

    [DataType(DataType.MultilineText), Description("Safety notes. Start a note with \"Stop if\" to list it under the page's one Stop if heading; the others are shown under Take care.")]
    public IReadOnlyList<Located<string>> Cautions { get; init; } = [];

    [DataType(DataType.ImageUrl), Description("Illustration: a file name in images/.")]
    public Located<string>? Image { get; init; }

    [Description("A demonstration: a clip's file name in videos/ (with captions in videos/<name>.vtt), or a YouTube or Vimeo address.")]
    public Located<string>? Video { get; init; }

    [Description("Mobility page slugs this exercise belongs to.")]
    [References(ContentKind.Mobility)]
    public IReadOnlyList<Located<string>> Mobility { get; init; } = [];

    [Description("Tag slugs.")]
    [ItemPattern(FrontMatterValueRules.TagSlugEditorPattern, FrontMatterValueRules.TagSlugEditorMessage)]
    public IReadOnlyList<Located<string>> Tags { get; init; } = [];

    [References(ContentKind.Exercise)]
    [Description("Exercise ids (file names in exercises/) of easier variations: shown on both pages (this one lists them as easier, they list this one as harder) and offered in the programme builder.")]
    public IReadOnlyList<Located<string>> Easier { get; init; } = [];

    [References(ContentKind.Exercise)]
    [Description("Exercise ids (file names in exercises/) of harder variations: shown on both pages and offered in the programme builder.")]
    public IReadOnlyList<Located<string>> Harder { get; init; } = [];

    [Description("Last change to the words (title, summary, steps, cautions, frequency, notes), ISO date YYYY-MM-DD: a translation older than this is reported as behind.")]
    public DateOnly? Updated { get; init; }

    [Description("true keeps the exercise out of the published site (the preview still shows it).")]
    public bool Draft { get; init; }
}

/// <summary>The dose of an exercise: either <c>reps</c> or <c>hold_seconds</c>.</summary>
public sealed class Dosage
{
    /// <summary>"12" or "10-15" (spaces around the hyphen allowed).</summary>
    public const string RepsPattern = "^[0-9]{1,3}( ?- ?[0-9]{1,3})?$";

    /// <summary>The most repetitions a set may ask for; more is a typing mistake, not a dose.</summary>
    public const int MaxReps = 100;

    [Required, Range(1, 10), Description("Number of sets, from 1 to 10.")]
    public int Sets { get; init; }

    [Description("Repetitions per set: a number or a range from 1 to 100, e.g. \"10-15\".")]
    [RegularExpression(RepsPattern, ErrorMessage = "must be a number of repetitions or a range such as \"10-15\"")]
    public string? Reps { get; init; }

    [Range(1, 600), Description("Seconds to hold each repetition (for stretches and holds), from 1 to 600.")]
    public int? HoldSeconds { get; init; }

    [Description("each (leg), both, left or right.")]
    public Side? Side { get; init; }

    [Description("How often, e.g. \"daily\" or \"3 times a week\".")]
    public string? Frequency { get; init; }
}

/// <summary>
/// The front matter of a translation of an article, a mobility page or a page
/// (<c>articles/runners-knee.es.md</c>): only the words. Everything else comes from the original.
/// </summary>
public sealed class PageTranslationFrontMatter
{
    [Required, Description("The page's title in this language.")]
    public string Title { get; init; } = "";

    [DataType(DataType.MultilineText), Description("The description in this language.")]
    public string? Description { get; init; }

    [Description("When the translation was last brought up to date with its original.")]
    public DateOnly? Updated { get; init; }

    [Description("Who checked the translation clinically, and when.")]
    public Review? Reviewed { get; init; }
}

/// <summary>
/// The front matter of a translation of an exercise (<c>exercises/heel-raises.es.md</c>): the words,
/// and a dosage whose numbers must be the original's (only its frequency is written in words).
/// </summary>
public sealed class ExerciseTranslationFrontMatter
{
    [Required, Description("The exercise's name in this language.")]
    public string Title { get; init; } = "";

    [Required, DataType(DataType.MultilineText), Description("The summary in this language.")]
    public string Summary { get; init; } = "";

    [DataType(DataType.MultilineText), Description("The steps in this language, as many as the original's.")]
    public IReadOnlyList<Located<string>> Steps { get; init; } = [];

    [DataType(DataType.MultilineText), Description("The cautions in this language.")]
    public IReadOnlyList<Located<string>> Cautions { get; init; } = [];

    [Description("Only frequency may be written in this language; sets, reps, hold_seconds and side, if given, must be the original's.")]
    public TranslatedDosage? Dosage { get; init; }

    [Description("When the translation was last brought up to date with its original.")]
    public DateOnly? Updated { get; init; }

    [Description("Who checked the translation clinically, and when.")]
    public Review? Reviewed { get; init; }
}

/// <summary>A translation's dosage: the frequency in its words; the numbers, if repeated, must be the original's.</summary>
public sealed class TranslatedDosage
{
    [MatchesOriginal]
    public int? Sets { get; init; }

    [MatchesOriginal]
    public string? Reps { get; init; }

    [MatchesOriginal]
    public int? HoldSeconds { get; init; }

    [MatchesOriginal]
    public Side? Side { get; init; }

    [Description("How often, in this language.")]
    public string? Frequency { get; init; }
}
