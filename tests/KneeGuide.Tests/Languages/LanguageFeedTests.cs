using System.Xml.Linq;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Languages;

/// <summary>
/// An Atom feed per language: /es/feed.xml has the Spanish translations, in Spanish, and every page
/// in Spanish links to it; /feed.xml is the default language's, as before.
/// </summary>
public sealed class LanguageFeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Each_language_has_a_feed_of_its_translations_in_its_words_linked_from_its_pages()
    {
        using var site = TranslationTests.NewSite();
        site.Write("site.yml", TranslationTests.Site.Replace("  - code: es\n    name: Español\n", "  - code: es\n    name: Español\n    title: Guía de prueba\n", StringComparison.Ordinal));
        var result = await site.BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);

        var spanish = XDocument.Parse(site.ReadOutput("es/feed.xml")).Root!;
        Assert.Equal("es", spanish.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal("Guía de prueba", spanish.Element(Atom + "title")?.Value);
        Assert.Equal("Un sitio pequeño hecho por las pruebas.", spanish.Element(Atom + "subtitle")?.Value);
        Assert.Equal("https://test.example.org/es/", spanish.Element(Atom + "id")?.Value);
        Assert.Contains(spanish.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == "https://test.example.org/es/feed.xml");
        var entry = Assert.Single(spanish.Elements(Atom + "entry"));
        Assert.Equal("Artículo de prueba", entry.Element(Atom + "title")?.Value);
        Assert.Equal("https://test.example.org/es/articles/sample/", entry.Element(Atom + "id")?.Value);
        Assert.Equal("Un artículo para las pruebas.", entry.Element(Atom + "summary")?.Value);

        var arabic = XDocument.Parse(site.ReadOutput("ar/feed.xml")).Root!;
        Assert.Equal("Test Guide", arabic.Element(Atom + "title")?.Value);
        Assert.Equal("مقال تجريبي", Assert.Single(arabic.Elements(Atom + "entry")).Element(Atom + "title")?.Value);

        // The default language's feed keeps its originals only, and no language attribute.
        var english = XDocument.Parse(site.ReadOutput("feed.xml")).Root!;
        Assert.Null(english.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("Test Guide", english.Element(Atom + "title")?.Value);
        Assert.Equal(["Sample article", "Mobility basics"], english.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));

        var page = site.ReadOutput("es/articles/sample/index.html");
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Guía de prueba\" href=\"/es/feed.xml\">", page);
        Assert.Contains("<a href=\"/es/feed.xml\">Novedades</a>", page);
        Assert.Contains("href=\"/es/feed.xml\"", site.ReadOutput("es/exercises/index.html"));
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Test Guide\" href=\"/feed.xml\">", site.ReadOutput("articles/sample/index.html"));
    }
}
