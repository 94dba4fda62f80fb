using KneeGuide.Core;
using KneeGuide.Site.Links;
using KneeGuide.Site.Markdown;
using KneeGuide.Site.Templates;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Links;

/// <summary>
/// The light scanner that reads links and ids out of the theme's output must find exactly what a real
/// HTML parser (AngleSharp) finds, on every page of the clinic's built site: otherwise link validation
/// would miss a link or an anchor on some page.
/// </summary>
public sealed class TemplateScannerAgreementTests
{
    [Fact]
    public async Task The_template_scanner_and_AngleSharp_find_the_same_links_and_ids_on_every_built_page()
    {
        using var site = new TestSite(withDefaults: false);
        site.CopyRepositoryInput();
        Assert.True((await site.BuildAsync()).Published);
        var pages = Directory.GetFiles(site.OutputDir, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length > 30, $"only {pages.Length} pages");

        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            var at = SourceLocation.InFile(page);
            var (scannerLinks, scannerIds) = (new List<LinkReference>(), new List<(string, SourceLocation)>());
            var (parserLinks, parserIds) = (new List<LinkReference>(), new List<(string, SourceLocation)>());
            TemplateOutputScanner.Scan(html, at, scannerLinks, scannerIds);
            RawHtmlScanner.Scan(html, _ => at, LinkOrigin.Template, parserLinks, parserIds);

            Assert.Equal(Describe(parserLinks), Describe(scannerLinks));
            Assert.Equal(parserIds.Select(i => i.Item1).Order(StringComparer.Ordinal), scannerIds.Select(i => i.Item1).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>Each link as "href" in page order; whether it is an image is left out (the scanner calls every src an image).</summary>
    private static List<string> Describe(List<LinkReference> links) => links.Select(l => l.Href).Order(StringComparer.Ordinal).ToList();
}
