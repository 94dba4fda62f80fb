namespace KneeGuide.Tests.Support;

/// <summary>The fixture every end-to-end test starts from must itself build cleanly.</summary>
public sealed class TestSiteTests
{
    [Fact]
    public async Task The_default_test_site_builds_without_any_diagnostic()
    {
        using var site = new TestSite();

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.True(result.Published);
        Assert.True(site.OutputExists("index.html"));
        Assert.True(site.OutputExists("articles/sample/index.html"));
        Assert.True(site.OutputExists("exercises/heel-raises/index.html"));
        Assert.True(site.OutputExists("images/knee.svg"));
    }
}
