using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Content;

/// <summary>What the web editor writes, read as the editors' contract says: credits in a list, cleared fields as absent.</summary>
public sealed class CmsWrittenFrontMatterTests
{
    [Fact]
    public async Task Credits_in_the_editors_list_form_and_mixed_with_the_map_form_credit_their_images()
    {
        using var site = new TestSite();
        site.Write("images/other.svg", """<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>""")
            .Write("images/credits.yml", """
                credits:
                  - file: knee.svg
                    title: A knee
                    author: Test author
                    license: CC BY 4.0
                other.svg:
                  author: Someone
                  license: CC0
                """)
            .Write("articles/sample.md", TestSite.SampleArticle.Replace("tags: [knees]", "tags: [knees]\nimage: other.svg"));
        var result = await site.BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var credits = site.ReadOutput("credits/index.html");
        Assert.Contains("Test author", credits);
        Assert.Contains("Someone", credits);
    }

    [Fact]
    public async Task An_image_credited_twice_or_a_list_record_without_its_file_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Write("images/credits.yml", """
            knee.svg:
              author: A
              license: CC0
            credits:
              - file: knee.svg
                author: B
                license: CC0
              - author: C
                license: CC0
            """);
        var lines = (await site.BuildAsync()).Diagnostics.Select(site.DescribeRelative).ToList();
        Assert.Contains("KG1105 images/credits.yml:5:11", lines);
        Assert.Contains("KG1101 images/credits.yml:8:5", lines);
    }

    [Fact]
    public async Task Optional_keys_left_empty_or_cleared_are_absent_and_required_ones_are_still_errors()
    {
        using var site = new TestSite();
        site.Write("exercises/heel-raises.md", """
            ---
            title: Heel raises
            summary: Strengthens the calves.
            targets: [calves]
            difficulty:
            dosage:
              sets: 3
              reps: "10-15"
              hold_seconds: ""
              frequency: ""
            steps:
              - "Stand tall."
            image: ""
            draft:
            ---
            """);
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("date: 2026-01-15", "date: 2026-01-15\nupdated:\nreviewed:"));
        var ok = await site.BuildAsync();
        Assert.True(ok.Published, string.Join("\n", ok.Diagnostics));
        Assert.Empty(ok.Diagnostics);

        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("title: Sample article", "title: \"\""));
        Assert.Contains("KG1106 articles/sample.md:2:8", (await site.BuildAsync()).Diagnostics.Select(site.DescribeRelative));
    }
}
