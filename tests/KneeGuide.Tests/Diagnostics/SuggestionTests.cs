using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Diagnostics;

/// <summary>"Did you mean" only for a near miss of the file name, not for any file in the same folder.</summary>
public sealed class SuggestionTests
{
    [Theory]
    [InlineData("../images/kne.svg", "../images/knee.svg")]
    [InlineData("../images/nothere.svg", null)]
    [InlineData("../images/shoulder.svg", null)]
    public async Task A_missing_image_suggests_only_a_close_file_name(string path, string? expected)
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", $"---\ntitle: Sample\ndescription: D.\ndate: 2026-01-15\n---\n\n![A knee]({path})\n");

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("KG2001 articles/sample.md:7:1", site.DescribeRelative(error));
        Assert.Equal(expected, error.Suggestion);
    }
}
