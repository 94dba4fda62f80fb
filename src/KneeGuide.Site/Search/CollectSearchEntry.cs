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

    public override int Version => 2;

    protected override Document? Execute(Document input, IDocumentContext context)
    {
        if (input.Get<ContentPage>() is not { Failed: false } page)
        {
            return input.Without<BodyText>();
        }

        // The language decides the stemmer and stop words: read as a fact of its own, so an edit to
        // anything else in site.yml does not redo every page.
        var facts = context.GetService<SiteFacts>();
        context.Reads.Read(facts, SiteFacts.SearchLanguageKey);
        var analyzer = new SearchAnalyzer(SearchLanguage.For(context.GetService<SiteInputs>().Config.Language));
        var (postings, file, shards) = _builder.Build(analyzer, Source(input, page));
        return input.Without<BodyText>().With(postings).With(file).With(shards);
    }

    private static SearchSource Source(Document doc, ContentPage page)
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

        return new SearchSource(page.Url, page.Title, page.Kind.ToString().ToLowerInvariant(), page.Description ?? "", keywords, details, sections);
    }

    /// <summary>The text of a rendered inline fragment (an exercise step): tags dropped, entities decoded.</summary>
    private static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, ""));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
