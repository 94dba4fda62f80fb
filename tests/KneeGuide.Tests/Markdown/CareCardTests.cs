using KneeGuide.Core;
using KneeGuide.Core.Caching;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Markdown;

/// <summary>The NHS-style care cards, on Markdig's alert blocks.</summary>
public sealed class CareCardTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly DiagnosticBag _bag = new();
    private readonly MarkdownRenderer _renderer;

    public CareCardTests()
    {
        var catalog = SourceCatalog.Scan(_site.InputDir, "input", _bag);
        _renderer = new MarkdownRenderer(MarkdownPipelineFactory.Create(new Dictionary<string, ImageCredit>()), MarkdownPipelineFactory.CreateInline(), catalog, new SameFacts());
    }

    public void Dispose() => _site.Dispose();

    private string Html(string markdown) => _renderer.Render(markdown, "articles/sample.md", _bag).Html;

    private sealed class SameFacts : IFactSource
    {
        public UInt128 Hash(string key) => 1;
    }

    [Theory]
    [InlineData("NON-URGENT", "non-urgent")]
    [InlineData("URGENT", "urgent")]
    [InlineData("EMERGENCY", "emergency")]
    [InlineData("Non-Urgent", "non-urgent")]
    [InlineData("urgent", "urgent")]
    public void Each_level_is_an_aside_with_a_level_heading_and_the_cards_text(string written, string level)
    {
        var html = Html($"## When to get help\n\n> [!{written}]\n> **See a doctor today if** it swells.\n>\n> - it is hot\n");

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
        Assert.Contains("<h2 class=\"care-card-heading\">", Html("Intro.\n\n> [!URGENT]\n> Text.\n"), StringComparison.Ordinal);
        Assert.Contains("<h4 class=\"care-card-heading\">", Html("## A\n\n### B\n\n> [!URGENT]\n> Text.\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_alerts_stay_markdigs_and_a_level_that_is_not_alone_on_its_line_is_a_quote()
    {
        Assert.Contains("markdown-alert-note", Html("> [!NOTE]\n> A note.\n"), StringComparison.Ordinal);
        Assert.Contains("<blockquote>", Html("> [!URGENT] see a doctor\n> today.\n"), StringComparison.Ordinal);
        Assert.Contains("<blockquote>", Html("- item\n\n  > [!URGENT]\n  > In a list.\n"), StringComparison.Ordinal);
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
