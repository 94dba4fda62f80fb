using KneeGuide.Site.Markdown;

namespace KneeGuide.Site.Search;

/// <summary>
/// What search reads of one page, field by field, whether an editor wrote it or the build made it (a
/// section list, a topic page): the same builder (<see cref="SearchEntryBuilder"/>) indexes both.
/// </summary>
/// <param name="Kind">What readers see it as: article, mobility, exercise, page, home, library, section, tags, tag, credits.</param>
/// <param name="Keywords">An exercise's targets and a page's tags.</param>
/// <param name="Details">An exercise's equipment and dose (weighted as the description).</param>
/// <param name="Sections">The text, section by section; the first is what comes before any heading.</param>
/// <param name="Language">On a site of several languages, the page's language, so that a result from another language's pages can say so; null on a site of one.</param>
public sealed record SearchSource(
    string Url,
    string Title,
    string Kind,
    string Description,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Details,
    IReadOnlyList<TextSection> Sections,
    SearchSourceLanguage? Language = null);

/// <summary>A page's language: its code (the page's lang) and its name in that language, as the language switcher shows it.</summary>
public sealed record SearchSourceLanguage(string Code, string Name);
