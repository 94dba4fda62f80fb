using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Markdown;

public sealed class MarkdownRendererTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly DiagnosticBag _bag = new();
    private readonly MarkdownRenderer _renderer;

    public MarkdownRendererTests()
    {
        var catalog = SourceCatalog.Scan(_site.InputDir, "input", _bag);
        var credits = new Dictionary<string, ImageCredit> { ["knee.svg"] = new() { Author = "Test author", License = "CC BY 4.0" } };
        _renderer = new MarkdownRenderer(MarkdownPipelineFactory.Create(credits), MarkdownPipelineFactory.CreateInline(), catalog, new NoFacts());
    }

    public void Dispose() => _site.Dispose();

    private Rendered Render(string text, string source = "articles/sample.md")
    {
        var (body, _, facts) = _renderer.RenderWithText(text, source, _bag, new ReadSet());
        return new Rendered(body, facts);
    }

    /// <summary>The body and what the site index learns from it, as one value for the assertions.</summary>
    private sealed record Rendered(RenderedMarkdown Body, BodyFacts Facts)
    {
        public string Html => Body.Html;

        public IReadOnlyList<KneeGuide.Site.Links.LinkReference> Links => Body.Links;

        public IReadOnlyList<(string Id, SourceLocation At)> Ids => Body.Ids;

        public IReadOnlyList<Heading> Headings => Body.Headings;

        public IReadOnlyList<string> InlineCards => Facts.InlineCards;

        public IReadOnlyList<MissingLinkTarget> MissingTargets => Facts.MissingTargets;
    }

    /// <summary>Facts for a renderer tested alone: every fact has the same value.</summary>
    private sealed class NoFacts : IFactSource
    {
        public UInt128 Hash(string key) => 1;
    }

    [Fact]
    public void Links_to_markdown_files_become_pretty_urls_keeping_the_anchor()
    {
        var r = Render("See [hips](../mobility/mobility-basics.md#hips), [home](../index.md) and [raises](../exercises/heel-raises.md).\n");

        Assert.Contains("href=\"/mobility/mobility-basics/#hips\"", r.Html);
        Assert.Contains("href=\"/\"", r.Html);
        Assert.Contains("href=\"/exercises/heel-raises/\"", r.Html);
        Assert.Equal(["/mobility/mobility-basics/#hips", "/", "/exercises/heel-raises/"], r.Links.Select(l => l.Href));
        Assert.Equal(0, _bag.Count);
    }

    [Fact]
    public void Link_positions_are_the_editors_line_and_column_counting_the_front_matter()
    {
        var text = "---\ntitle: A\n---\n\nSome text [a](../index.md) here.\n\n- item with [b](missing.md)\n";

        var r = Render(text);

        Assert.Equal(new SourceLocation("input/articles/sample.md", 5, 11), Assert.Single(r.Links).Location);
        // A link to a missing file is kept for the site index, which reports it with suggestions.
        var missing = Assert.Single(r.MissingTargets);
        Assert.Equal((new SourceLocation("input/articles/sample.md", 7, 13), "articles/missing.md"), (missing.At, missing.Target));
        Assert.Equal(0, _bag.Count);
    }

    [Fact]
    public void Links_in_code_spans_and_code_blocks_are_text()
    {
        var r = Render("Write `[x](missing.md)` like this:\n\n```markdown\n[y](also-missing.md)\n<a href=\"nope.html\">z</a>\n```\n\n    [indented](gone.md)\n");

        Assert.Empty(r.Links);
        Assert.Equal(0, _bag.Count);
        Assert.Contains("[x](missing.md)", r.Html);
    }

    [Fact]
    public void A_paragraph_with_only_a_card_link_becomes_an_exercise_card()
    {
        var r = Render("Intro.\n\n[Heel raises](../exercises/heel-raises.md \"card\")\n");

        Assert.Equal(["heel-raises"], r.InlineCards);
        Assert.Contains("<!--kg:card:heel-raises-->", r.Html);
        Assert.DoesNotContain("<p><a", r.Html);
    }

    [Fact]
    public void A_card_link_inside_a_sentence_stays_an_ordinary_link()
    {
        var r = Render("Try [Heel raises](../exercises/heel-raises.md \"card\") today.\n");

        Assert.Empty(r.InlineCards);
        Assert.Contains("href=\"/exercises/heel-raises/\"", r.Html);
    }

    [Fact]
    public void An_image_alone_in_a_paragraph_becomes_a_figure_with_its_credit()
    {
        var r = Render("![A bent knee](../images/knee.svg)\n");

        Assert.Contains("<figure class=\"figure\"><img src=\"/images/knee.svg\" alt=\"A bent knee\"", r.Html);
        Assert.Contains("<figcaption>A bent knee <span class=\"credit\">Image: Test author, CC BY 4.0.</span></figcaption>", r.Html);
        Assert.True(Assert.Single(r.Links).IsImage);
    }

    [Fact]
    public void An_image_without_alt_text_is_reported_at_the_image()
    {
        Render("Text.\n\n![](../images/knee.svg)\n");

        var d = Assert.Single(_bag.Sorted());
        Assert.Equal(("KG1303", 3, 1), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Headings_get_github_style_ids_with_their_positions()
    {
        // GitHub drops the '&' but keeps both spaces as hyphens.
        var r = Render("# Warm up\n\n## Hips & knees\n");

        Assert.Equal(["warm-up", "hips--knees"], r.Headings.Select(h => h.Id));
        Assert.Equal([1, 3], r.Ids.Select(i => i.At.Line));
    }

    [Fact]
    public void Raw_html_links_are_collected_at_their_line()
    {
        var r = Render("Para.\n\n<div>\n  <a href=\"../index.md\">x</a>\n  <img src=\"/images/knee.svg\" alt=\"k\" id=\"pic\">\n</div>\n");

        Assert.Equal(["../index.md", "/images/knee.svg"], r.Links.Select(l => l.Href));
        Assert.Equal([4, 5], r.Links.Select(l => l.Location.Line));
        Assert.Contains(r.Ids, i => i.Id == "pic" && i.At.Line == 5);
    }

    // ---- Care cards: > [!NON-URGENT], > [!URGENT], > [!EMERGENCY] on Markdig's alert blocks ----

    private string CareHtml(string markdown) => Render(markdown).Html;

    [Theory]
    [InlineData("NON-URGENT", "non-urgent")]
    [InlineData("URGENT", "urgent")]
    [InlineData("EMERGENCY", "emergency")]
    [InlineData("Non-Urgent", "non-urgent")]
    [InlineData("urgent", "urgent")]
    public void Each_level_is_an_aside_with_a_level_heading_and_the_cards_text(string written, string level)
    {
        var html = CareHtml($"## When to get help\n\n> [!{written}]\n> **See a doctor today if** it swells.\n>\n> - it is hot\n");

        Assert.Contains($"<aside class=\"care-card care-card-{level}\"><h3 class=\"care-card-heading\"><!--kg:care:{level}--></h3>", html, StringComparison.Ordinal);
        Assert.Contains("<p><strong>See a doctor today if</strong> it swells.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<li>it is hot</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blockquote", html, StringComparison.Ordinal);
        Assert.DoesNotContain("[!", html, StringComparison.Ordinal);
        Assert.Equal(0, _bag.Count);
    }

    [Fact]
    public void The_heading_is_one_level_below_the_heading_before_it_so_the_outline_stays_in_order()
    {
        Assert.Contains("<h2 class=\"care-card-heading\">", CareHtml("Intro.\n\n> [!URGENT]\n> Text.\n"), StringComparison.Ordinal);
        Assert.Contains("<h4 class=\"care-card-heading\">", CareHtml("## A\n\n### B\n\n> [!URGENT]\n> Text.\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_alerts_stay_markdigs_and_a_level_that_is_not_alone_on_its_line_is_a_quote()
    {
        Assert.Contains("markdown-alert-note", CareHtml("> [!NOTE]\n> A note.\n"), StringComparison.Ordinal);
        Assert.Contains("<blockquote>", CareHtml("> [!URGENT] see a doctor\n> today.\n"), StringComparison.Ordinal);
        Assert.Contains("<blockquote>", CareHtml("- item\n\n  > [!URGENT]\n  > In a list.\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_built_page_shows_the_level_in_the_themes_words_escaped()
    {
        _site.Write("articles/sample.md", TestSite.SampleArticle + "\n\n> [!EMERGENCY]\n> **Call 000 if** <b>this</b> happens.\n");
        _site.WriteTheme("strings/en.yml", File.ReadAllText(Path.Combine(_site.ThemeDir, "strings", "en.yml")).Replace("emergency: \"Emergency: act now\"", "emergency: \"Act <now>\"", StringComparison.Ordinal));
        var result = await _site.BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));

        var html = _site.ReadOutput("articles/sample/index.html");
        Assert.Contains("<aside class=\"care-card care-card-emergency\"><h3 class=\"care-card-heading\">Act &lt;now&gt;</h3>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("kg:care", html, StringComparison.Ordinal);
    }
}
