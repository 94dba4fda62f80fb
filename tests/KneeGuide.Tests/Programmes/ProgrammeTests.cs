using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Programmes;

/// <summary>Progressions (easier:/harder:), home exercise sheets, /plan/ and tag titles, on small sites built in a temporary folder.</summary>
public sealed class ProgrammeTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private TestSite WriteExercise(string id, string title, string extra = "", string cautions = "") => _site.Write($"exercises/{id}.md", $"""
        ---
        title: {title}
        summary: A summary of {title}.
        targets: [quads]
        difficulty: beginner
        dosage:
          sets: 2
          reps: "8-10"
          side: each
          frequency: daily
        steps:
          - "Stand up."
          - "Sit down **slowly**."
        {cautions}{extra}
        ---
        """);

    private async Task<IReadOnlyList<string>> Diagnostics()
    {
        var result = await _site.BuildAsync();
        return result.Diagnostics.Select(d => $"{_site.DescribeRelative(d)} {d.Message}{(d.Suggestion is null ? "" : $" (did you mean '{d.Suggestion}'?)")}").ToList();
    }

    private async Task BuildPublishedAsync()
    {
        var result = await _site.BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
    }

    private void AppendToSiteYml(string yaml) => _site.Write("site.yml", File.ReadAllText(Path.Combine(_site.InputDir, "site.yml")) + "\n" + yaml);

    [Fact]
    public async Task Easier_and_harder_are_shown_both_ways_from_one_entry()
    {
        WriteExercise("wall-sits", "Wall sits", "harder: [step-downs]");
        WriteExercise("step-downs", "Step-downs <b>");
        await BuildPublishedAsync();

        var wall = _site.ReadOutput("exercises/wall-sits/index.html");
        var step = _site.ReadOutput("exercises/step-downs/index.html");
        Assert.Contains("<h3>Harder</h3>", wall, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/exercises/step-downs/\">Step-downs &lt;b&gt;</a>", wall, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>Easier</h3>", wall, StringComparison.Ordinal);
        Assert.Contains("<h3>Easier</h3>", step, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/exercises/wall-sits/\">Wall sits</a>", step, StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>Harder</h3>", step, StringComparison.Ordinal);
        Assert.DoesNotContain("variations-heading", _site.ReadOutput("exercises/heel-raises/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_in_easier_or_harder_is_an_error_at_its_place_with_did_you_mean()
    {
        WriteExercise("wall-sits", "Wall sits", "easier: [heel-raise]\nharder: [wall-sits, step-downs]");
        var lines = await Diagnostics();

        Assert.Contains(lines, l => l.StartsWith("KG1203 exercises/wall-sits.md:14:10 unknown exercise id 'heel-raise' in easier: there is no exercises/heel-raise.md (did you mean 'heel-raises'?)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("KG1104 exercises/wall-sits.md:15:10 'wall-sits' in harder: is this exercise itself", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("KG1203 exercises/wall-sits.md:15:21 unknown exercise id 'step-downs' in harder:", StringComparison.Ordinal));
        Assert.False((await _site.BuildAsync()).Published);
    }

    [Fact]
    public async Task An_exercise_both_easier_and_harder_or_a_draft_variation_is_an_error()
    {
        WriteExercise("wall-sits", "Wall sits", "easier: [heel-raises]\nharder: [heel-raises, lunges]");
        WriteExercise("lunges", "Lunges", "draft: true");
        var lines = await Diagnostics();

        Assert.Contains(lines, l => l.StartsWith("KG1104 exercises/wall-sits.md:14:10 'heel-raises' is in both easier: and harder:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("KG2004 exercises/wall-sits.md:15:23 the exercise 'lunges' in harder: is a draft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exercise_placed_in_the_text_and_listed_in_exercises_is_shown_once_with_a_warning()
    {
        _site.Write("articles/sample.md", TestSite.SampleArticle + "\n\n[Heel raises](../exercises/heel-raises.md \"card\")\n");
        var lines = await Diagnostics();
        Assert.Contains(lines, l => l.StartsWith("KG1208 articles/sample.md:6:13 'heel-raises' is also placed as a card in the text", StringComparison.Ordinal));

        var html = _site.ReadOutput("articles/sample/index.html");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<article class=\"exercise-card\""));
        Assert.Contains("Every exercise for this page is shown above", html, StringComparison.Ordinal);
        // The sheet still has it.
        Assert.Contains("<article class=\"sheet-exercise\" data-id=\"heel-raises\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pages_sheet_has_steps_cautions_dose_pain_rule_notes_qr_code_and_review_date_without_doubled_punctuation()
    {
        WriteExercise("wall-sits", "Wall sits", cautions: "cautions:\n  - \"Stop if your knee hurts at the front.\"\n  - \"Keep your back on the wall.\"\n");
        _site.Write("articles/sample.md", TestSite.SampleArticle
            .Replace("title: Sample article", "title: \"Knee taping: does it help?\"", StringComparison.Ordinal)
            .Replace("exercises: [heel-raises]", "exercises: [heel-raises, wall-sits]\nreviewed:\n  by: Tester\n  on: 2026-02-01", StringComparison.Ordinal));
        AppendToSiteYml("pain_rule:\n  acceptable: 2\n  text: Up to 2 & no more.\n");
        await BuildPublishedAsync();

        var html = _site.ReadOutput("articles/sample/index.html");
        var sheet = html[html.IndexOf("<section class=\"sheet print-only\"", StringComparison.Ordinal)..];
        Assert.Contains("<h2 id=\"sheet-heading\">Your home exercise sheet</h2>", sheet, StringComparison.Ordinal);
        Assert.Contains("From the page: <span class=\"sheet-title\">Knee taping: does it help?</span></p>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("?.", sheet, StringComparison.Ordinal);
        Assert.Contains("<li>Sit down <strong>slowly</strong>.</li>", sheet, StringComparison.Ordinal);
        Assert.Contains("<span data-dose>2 × 8-10 reps, each side, daily</span>", sheet, StringComparison.Ordinal);
        Assert.Contains("<h4 class=\"cautions-heading\">Stop if</h4><ul><li>your knee hurts at the front.</li></ul><h4 class=\"cautions-heading\">Take care</h4><ul><li>Keep your back on the wall.</li></ul>", sheet, StringComparison.Ordinal);
        Assert.Contains("<li class=\"fine\">2</li><li>3</li>", sheet, StringComparison.Ordinal);
        Assert.Contains("Up to 2 &amp; no more.", sheet, StringComparison.Ordinal);
        Assert.Contains("Notes from your physiotherapist", sheet, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"qr\"", sheet, StringComparison.Ordinal);
        Assert.Contains("https://test.example.org/articles/sample/", sheet, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-02-01\">1 February 2026</time>", sheet, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/plan/?e=heel-raises,wall-sits\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_page_offers_every_exercise_with_its_dose_and_variations_escaped()
    {
        WriteExercise("wall-sits", "Wall \"sits\" <script>", "harder: [heel-raises]");
        await BuildPublishedAsync();

        var html = _site.ReadOutput("plan/index.html");
        Assert.Contains("<script src=\"/assets/js/plan.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" id=\"pick-wall-sits\" value=\"wall-sits\" data-title=\"Wall &quot;sits&quot; &lt;script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("data-sets=\"2\" data-reps=\"8-10\" data-hold=\"\" data-side-text=\"each side\" data-frequency=\"daily\" data-easier=\"\" data-harder=\"heel-raises\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"pick-heel-raises\" value=\"heel-raises\"", html, StringComparison.Ordinal);
        Assert.Contains("data-easier=\"wall-sits\"", html, StringComparison.Ordinal);
        Assert.Contains("<article class=\"sheet-exercise\" data-id=\"wall-sits\" hidden>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_show_their_title_from_site_yml_or_their_slug_in_words()
    {
        _site.Write("articles/sample.md", TestSite.SampleArticle.Replace("tags: [knees]", "tags: [runners-knee, knee-pain]", StringComparison.Ordinal));
        AppendToSiteYml("tags:\n  runners-knee: \"Runner's knee\"\n");
        await BuildPublishedAsync();

        Assert.Contains(">Runner&#x27;s knee</a>", _site.ReadOutput("articles/sample/index.html"), StringComparison.Ordinal);
        Assert.Contains(">Knee pain</a>", _site.ReadOutput("articles/sample/index.html"), StringComparison.Ordinal);
        Assert.Contains("<h1>Topic: Runner&#x27;s knee</h1>", _site.ReadOutput("tags/runners-knee/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Levels_are_spelled_the_same_way_everywhere()
    {
        WriteExercise("wall-sits", "Wall sits");
        await _site.BuildAsync();
        Assert.Contains("<dt>Level</dt><dd>Beginner</dd>", _site.ReadOutput("exercises/wall-sits/index.html"), StringComparison.Ordinal);
        Assert.Contains(">Beginner</span>", _site.ReadOutput("exercises/index.html"), StringComparison.Ordinal);
        Assert.Contains("<option value=\"beginner\">Beginner</option>", _site.ReadOutput("exercises/index.html"), StringComparison.Ordinal);
    }
}
