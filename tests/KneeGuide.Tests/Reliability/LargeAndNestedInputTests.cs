using System.Diagnostics;
using System.Text;
using KneeGuide.Tests.Links;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Reliability;

/// <summary>Inputs that are unusual but legitimate must build; extreme ones must fail as diagnostics, never crash.</summary>
public sealed class LargeAndNestedInputTests
{
    [Fact]
    public async Task Crlf_line_endings_and_a_utf8_bom_are_accepted_with_the_same_positions()
    {
        using var site = new TestSite();
        var text = LinkValidationCorpus.Article("Fine [link](sample.md#first-part).\n\nBroken [link](nope.md).").Replace("\n", "\r\n");
        site.WriteBytes("articles/case.md", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);

        var result = await site.BuildAsync();

        Assert.Equal(["KG2001 articles/case.md:9:8"], result.Diagnostics.Select(site.DescribeRelative));
    }

    [Fact]
    public async Task Crlf_and_bom_site_yml_and_credits_build_cleanly()
    {
        using var site = new TestSite();
        foreach (var file in new[] { "site.yml", "images/credits.yml", "articles/sample.md" })
        {
            var text = File.ReadAllText(Path.Combine(site.InputDir, file)).Replace("\n", "\r\n");
            site.WriteBytes(file, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);
        }

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Contains("<h1>Sample article</h1>", site.ReadOutput("articles/sample/index.html"));
    }

    [Fact]
    public async Task Unicode_file_names_and_headings_get_working_urls_and_anchors()
    {
        using var site = new TestSite();
        site.Write("articles/genou-fléchi.md", LinkValidationCorpus.Article("## Übungen für Läufer\n\nText.", "Genou fléchi"));
        site.Write("articles/case.md", LinkValidationCorpus.Article("[a](genou-fléchi.md#übungen-für-läufer) and [b](genou-fl%C3%A9chi.md)."));

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        var page = site.ReadOutput("articles/genou-fléchi/index.html");
        Assert.Contains("id=\"übungen-für-läufer\"", page);
        Assert.Contains("<h1>Genou fléchi</h1>", page);
    }

    [Fact]
    public async Task A_very_large_page_builds_in_reasonable_time()
    {
        using var site = new TestSite();
        var body = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            body.Append("## Section ").Append(i).Append("\n\nParagraph ").Append(i).Append(" with a [link](#section-").Append((i * 7) % 3000).Append(") and **bold** text.\n\n");
        }

        site.Write("articles/case.md", LinkValidationCorpus.Article(body.ToString()));
        var watch = Stopwatch.StartNew();

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Contains("id=\"section-2999\"", site.ReadOutput("articles/case/index.html"));
    }

    [Theory]
    [InlineData("quotes", ">", "")]
    [InlineData("lists", "- ", "  ")]
    [InlineData("ordered-lists", "1. ", "   ")]
    [InlineData("emphasis", "*", "")]
    [InlineData("links", "[", "")]
    public async Task Deep_nesting_never_crashes_the_build(string name, string marker, string indent)
    {
        using var site = new TestSite();
        var body = name switch
        {
            "quotes" => new string('>', 5000) + " deep",
            "emphasis" or "links" => string.Concat(Enumerable.Repeat(marker, 5000)) + "deep",
            _ => string.Join("\n", Enumerable.Range(0, 400).Select(i => string.Concat(Enumerable.Repeat(indent, i)) + marker + "item")),
        };
        site.Write("articles/case.md", LinkValidationCorpus.Article(body));

        var result = await site.BuildAsync();

        // Either it builds, or the page is refused with one diagnostic at its deepest line: never an exception.
        Assert.All(result.Diagnostics, d => Assert.Equal(("KG1003", site.Display("articles/case.md")), (d.Code, d.File)));
        Assert.True(result.Published || result.Diagnostics.Count == 1);
    }
}
