using System.Net;
using System.Text.RegularExpressions;
using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.Templates;

namespace KneeGuide.Site.Search;

/// <summary>
/// Process phase, after RenderMarkdown, in the page's cached chain: the page's search entry
/// (<see cref="SearchEntryBuilder"/>), made while its text is at hand. The text is then dropped from
/// the document; GenerateSearchIndex only merges entries.
/// </summary>
public sealed partial class CollectSearchEntry(StringPool pool) : ParallelModule
{
    private readonly SearchEntryBuilder _builder = new(pool);

    public override int Version => 3;

    protected override Document? Execute(Document input, IDocumentContext context)
    {
        if (input.Get<ContentPage>() is not { Failed: false } page)
        {
            return input.Without<BodyText>();
        }

        // The languages decide the stemmers and stop words: read as a fact of their own, so an edit to
        // anything else in site.yml does not redo every page.
        var facts = context.GetService<SiteFacts>();
        context.Reads.Read(facts, SiteFacts.SearchLanguageKey);
        var languages = context.GetService<SiteInputs>().Config.AllLanguages;
        var own = page.Language ?? languages[0].Code.Value;
        var language = languages.Count > 1 && languages.FirstOrDefault(l => l.Code.Value == own) is { } declared
            ? new SearchSourceLanguage(own, declared.Name)
            : null;
        var source = Source(input, page, language);
        var (postings, file, shards) = _builder.Build(new SearchAnalyzer(SearchLanguage.For(own)), source);
        var output = input.Without<BodyText>().With(postings).With(file).With(shards);
        if (page.IsTranslation || languages.Count == 1)
        {
            return output;
        }

        // An original is also found from each other language's search until it is translated
        // (GenerateSearchIndex decides), read as that language's queries are read.
        var others = new List<SearchEntryInLanguage>();
        foreach (var other in languages.Skip(1))
        {
            var (p, _, s) = _builder.Build(new SearchAnalyzer(SearchLanguage.For(other.Code.Value)), source);
            others.Add(new SearchEntryInLanguage(other.Code.Value, p, s));
        }

        return output.With(new SearchEntriesInOtherLanguages(others));
    }

    private static SearchSource Source(Document doc, ContentPage page, SearchSourceLanguage? language)
    {
        var sections = doc.Get<BodyText>()?.Sections.ToList() ?? [new TextSection(null, null, "")];
        var keywords = page.Tags.Select(t => t.Value).ToList();
        var details = new List<string>();
        if (doc.Get<ExerciseFrontMatter>() is { } exercise)
        {
            keywords.InsertRange(0, exercise.Targets);
            details.AddRange(exercise.Equipment);
            if (exercise.Difficulty is { } difficulty)
            {
                details.Add(difficulty.ToString().ToLowerInvariant());
            }

            details.Add(ViewModelFactory.Dosage(exercise.Dosage).Text);
            // The steps and cautions read as the page's opening text: that is where the page shows them.
            var steps = doc.Get<RenderedSteps>()?.Html.Select(PlainText) ?? exercise.Steps.Select(s => s.Value);
            var intro = string.Join('\n', new[] { sections[0].Text }.Concat(steps).Concat(exercise.Cautions.Select(c => c.Value)).Where(t => t.Length > 0));
            sections[0] = sections[0] with { Text = intro };
        }

        return new SearchSource(page.Url, page.Title, page.Kind.ToString().ToLowerInvariant(), page.Description ?? "", keywords, details, sections, language);
    }

    /// <summary>The text of a rendered inline fragment (an exercise step): tags dropped, entities decoded.</summary>
    private static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, ""));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
