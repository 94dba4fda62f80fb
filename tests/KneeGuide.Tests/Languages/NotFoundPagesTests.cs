using KneeGuide.Site.SiteFiles;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Languages;

/// <summary>
/// Each language's 404 page (/es/404.html) and the _redirects rules that serve it on Netlify, which
/// the preview server and the browser tests' server read too (<see cref="NotFoundPages"/>).
/// </summary>
public sealed class NotFoundPagesTests
{
    [Fact]
    public async Task Each_language_has_its_404_page_served_under_it_by_rules_after_the_redirects_from_front_matter()
    {
        using var site = TranslationTests.NewSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("tags: [knees]", "tags: [knees]\nredirect_from: [/es/old-sample/]", StringComparison.Ordinal));
        var result = await site.BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);

        var spanish = site.ReadOutput("es/404.html");
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", spanish);
        Assert.Contains("<h1>Página no encontrada</h1>", spanish);
        Assert.Contains("<a href=\"/es/exercises/\">la biblioteca de ejercicios</a>", spanish);
        Assert.Contains("<strong>Aviso médico:</strong>", spanish);
        Assert.DoesNotContain("hreflang", spanish.Split("</head>")[0]);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", site.ReadOutput("ar/404.html"));
        Assert.Contains("<h1>Page not found</h1>", site.ReadOutput("404.html"));
        Assert.DoesNotContain("404.html", site.ReadOutput("sitemap.xml"));

        var redirects = site.ReadOutput("_redirects").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(["/es/old-sample/ /articles/sample/ 301", "/es/* /es/404.html 404", "/ar/* /ar/404.html 404"], redirects);
        Assert.Equal("/es/404.html", NotFoundPages.For(site.OutputDir, "/es/no-such-page/"));
        Assert.Equal("/ar/404.html", NotFoundPages.For(site.OutputDir, "/ar/x"));
        Assert.Equal("/404.html", NotFoundPages.For(site.OutputDir, "/no-such-page/"));
        Assert.Equal(Path.Combine(site.OutputDir, "es", "404.html"), NotFoundPages.FileFor(site.OutputDir, "/es/no-such-page/"));
    }

    [Fact]
    public async Task A_site_of_one_language_has_one_404_page_and_no_redirects_file_without_redirects()
    {
        using var site = new TestSite();
        var result = await site.BuildAsync();
        Assert.Empty(result.Diagnostics);

        Assert.False(site.OutputExists("_redirects"));
        Assert.Equal(Path.Combine(site.OutputDir, "404.html"), NotFoundPages.FileFor(site.OutputDir, "/es/x/"));
    }

    [Theory]
    [InlineData("/es/missing/", "/es/404.html")]
    [InlineData("/es/", "/es/404.html")]
    [InlineData("/es", "/404.html")]
    [InlineData("/esp/missing/", "/404.html")]
    [InlineData("/gone/", "/gone.html")]
    public void The_first_404_rule_whose_source_matches_gives_the_page(string path, string page)
    {
        string[] redirects = ["# comment", "/old/ /new/ 301", "/gone/ /gone.html 404", "/es/* /es/404.html 404", "/* /other.html 404"];
        Assert.Equal(page == "/404.html" ? "/other.html" : page, NotFoundPages.For(redirects, path));
        Assert.Equal("/404.html", NotFoundPages.For(redirects.Take(4), "/nowhere/"));
    }
}
