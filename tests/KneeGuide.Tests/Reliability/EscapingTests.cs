using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Reliability;

/// <summary>Values from front matter, credits and site.yml reach HTML, attributes, JSON-LD and XML only encoded.</summary>
public sealed class EscapingTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string AttributeBreak = "\\\"><img src=x onerror=alert(2)>";

    [Fact]
    public async Task A_script_title_appears_only_as_text_in_every_output_file()
    {
        using var site = new TestSite();
        site.Write("site.yml", $"title: \"Guide {Script}\"\nbase_url: https://test.example.org/\ndescription: \"Site {AttributeBreak}\"\n");
        site.Write("images/credits.yml", $"knee.svg:\n  title: \"{Script}\"\n  author: \"Author {Script}\"\n  license: \"CC {AttributeBreak}\"\n");
        site.Write("articles/sample.md", $"---\ntitle: \"{Script}\"\ndescription: \"Desc {AttributeBreak}\"\ndate: 2026-01-15\ntags: [knees]\nimage: knee.svg\n---\n\n## First part\n\nText.\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        var files = Directory.EnumerateFiles(site.OutputDir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".html" or ".xml" or ".json" or ".txt" or ".js" or "")
            .ToList();
        Assert.Contains(files, f => f.EndsWith("feed.xml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains("<script>alert", StringComparison.OrdinalIgnoreCase), $"{file} contains a raw script tag");
            Assert.False(text.Contains("<img src=x", StringComparison.OrdinalIgnoreCase), $"{file} lets a value break out of an attribute");
        }

        var article = site.ReadOutput("articles/sample/index.html");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", article);
        Assert.Contains("application/ld+json", article);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", site.ReadOutput("feed.xml"));
        Assert.Contains("Author &lt;script&gt;", site.ReadOutput("credits/index.html"));
    }

    [Fact]
    public async Task A_control_character_pasted_into_a_title_does_not_crash_the_feed()
    {
        // Found by FuzzTests: XmlWriter threw on U+0001 and the whole build crashed.
        using var site = new TestSite();
        site.Write("articles/sample.md", "---\ntitle: \"Knee\\x01 pain\"\ndescription: D.\ndate: 2026-01-15\n---\n\n## First part\n");

        var result = await site.BuildAsync();

        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        var feed = System.Xml.Linq.XDocument.Parse(site.ReadOutput("feed.xml"));
        Assert.Contains(feed.Descendants(), e => e.Name.LocalName == "title" && e.Value == "Knee pain");
    }
}
