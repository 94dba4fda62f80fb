using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Content;

/// <summary>Tags and redirect sources become addresses, so values that are not addresses are content errors.</summary>
public sealed class FrontMatterValueTests
{
    [Fact]
    public async Task A_tag_that_climbs_out_of_tags_is_an_error_at_the_tag_not_a_crash()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", "---\ntitle: Sample\ndescription: D.\ndate: 2026-01-15\ntags: [knees, ../../../evil, Knee Pain]\n---\n\nText.\n");

        var result = await site.BuildAsync();

        var errors = result.Diagnostics.Select(d => (site.DescribeRelative(d), d.Suggestion)).ToList();
        Assert.Equal(
            [("KG1104 articles/sample.md:5:15", "evil"), ("KG1104 articles/sample.md:5:30", "knee-pain")],
            errors);
        Assert.False(site.OutputExists("index.html"));
        Assert.False(File.Exists(Path.Combine(site.Root, "evil", "index.html")));
    }

    [Fact]
    public async Task A_redirect_source_with_a_space_is_an_error_and_no_redirects_file_is_written()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", "---\ntitle: Sample\ndescription: D.\ndate: 2026-01-15\nredirect_from: [\"/old page/\"]\n---\n\nText.\n");

        var result = await site.BuildAsync();

        Assert.Equal(["KG1104 articles/sample.md:5:18"], result.Diagnostics.Select(site.DescribeRelative));
        Assert.False(site.OutputExists("_redirects"));
    }

    [Fact]
    public async Task Unicode_lower_case_tags_are_slugs()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", "---\ntitle: Sample\ndescription: D.\ndate: 2026-01-15\ntags: [genou-été, knees2]\n---\n\nText.\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.True(site.OutputExists("tags/genou-été/index.html"));
    }
}
