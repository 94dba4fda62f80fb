using System.Text.Json;
using KneeGuide.Site.Search;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Search;

/// <summary>
/// One index per declared language: the default's under /search/, each other's under
/// /&lt;code&gt;/search/ with its own analyzer, holding its translations and the originals not yet
/// translated into it (read as that language's queries are, and marked with their language).
/// </summary>
public sealed class LanguageSearchIndexTests
{
    private static TestSite NewSite()
    {
        var site = new TestSite();
        // English, Spanish and Arabic (right to left), each with its site words.
        site.Write("site.yml", KneeGuide.Tests.Languages.TranslationTests.Site);
        site.Write("articles/sample.es.md", """
            ---
            title: Artículo de prueba
            description: Un artículo para las pruebas.
            updated: 2026-02-01
            ---

            ## Primera parte

            Los estiramientos ayudan a las rodillas.
            """);
        site.Write("articles/sample.ar.md", """
            ---
            title: مقال تجريبي
            description: مقال للاختبارات.
            updated: 2026-02-01
            ---

            تمارين الركبة.
            """);
        site.Write("articles/untranslated.md", """
            ---
            title: Untranslated
            description: Only in English so far.
            date: 2026-01-01
            ---

            Quadriceps stretching.
            """);
        return site;
    }

    private static string Term(string code, string word) => Assert.Single(new SearchAnalyzer(SearchLanguage.For(code)).Terms(word));

    [Fact]
    public async Task Each_language_has_its_own_index_read_with_its_own_stemmer()
    {
        using var site = NewSite();
        var result = await site.BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));

        using var spanishManifest = JsonDocument.Parse(site.ReadOutput("es/search/manifest.json"));
        Assert.Equal("es", spanishManifest.RootElement.GetProperty("language").GetString());
        Assert.Contains("para", spanishManifest.RootElement.GetProperty("stop").EnumerateArray().Select(w => w.GetString()));
        using var arabicManifest = JsonDocument.Parse(site.ReadOutput("ar/search/manifest.json"));
        Assert.Equal("ar", arabicManifest.RootElement.GetProperty("language").GetString());

        var spanish = new SearchIndexTests.Index(site, "es/search/");
        var translation = spanish.Doc("/es/articles/sample/");
        Assert.Contains(translation, spanish.Docs("rodill"));   // Spanish stems: rodillas
        Assert.Contains(translation, spanish.Docs("estir"));    // estiramientos
        Assert.DoesNotContain("/articles/sample/", spanish.Urls); // translated: its translation stands for it
        Assert.DoesNotContain("/ar/articles/sample/", spanish.Urls);

        // Not yet translated: found from Spanish search too, read as a Spanish query is read, and marked as English.
        var original = spanish.Doc("/articles/untranslated/");
        Assert.Contains(original, spanish.Docs(Term("es", "stretching")));
        using (var file = JsonDocument.Parse(site.ReadOutput($"es/search/pages/{original}.json")))
        {
            Assert.Equal("en", file.RootElement[5].GetString());
            Assert.Equal("English", file.RootElement[6].GetString());
        }

        using (var file = JsonDocument.Parse(site.ReadOutput($"es/search/pages/{translation}.json")))
        {
            Assert.Equal("es", file.RootElement[5].GetString());
        }

        // No stemmer for Arabic: words as they are.
        var arabic = new SearchIndexTests.Index(site, "ar/search/");
        Assert.Contains(arabic.Doc("/ar/articles/sample/"), arabic.Docs("الركبة"));
        Assert.Contains("/articles/untranslated/", arabic.Urls);

        var english = new SearchIndexTests.Index(site);
        Assert.DoesNotContain(english.Urls, u => u.StartsWith("/es/", StringComparison.Ordinal) || u.StartsWith("/ar/", StringComparison.Ordinal));
        Assert.Contains(english.Doc("/articles/untranslated/"), english.Docs("stretch"));
        Assert.Empty(english.Docs("rodill"));
    }

    [Fact]
    public async Task Every_languages_index_is_byte_identical_built_warm_or_cold()
    {
        using var site = NewSite();
        var cold = await site.BuildAsync();
        Assert.True(cold.Published, string.Join("\n", cold.Diagnostics));
        var first = SearchFiles(site);
        Assert.Contains(first.Keys, f => f.StartsWith("es/search/", StringComparison.Ordinal));
        Assert.Contains(first.Keys, f => f.StartsWith("ar/search/", StringComparison.Ordinal));

        await site.BuildAsync(); // warm: everything from the cache
        Assert.Equal(first, SearchFiles(site));

        site.Write("articles/sample.es.md", site.ReadInput("articles/sample.es.md").Replace("rodillas", "piernas", StringComparison.Ordinal));
        await site.BuildAsync(); // warm, one translation changed
        var edited = SearchFiles(site);
        Directory.Delete(Path.Combine(site.Root, ".kneeguide"), recursive: true);
        await site.BuildAsync();
        Assert.Equal(edited, SearchFiles(site));
        Assert.NotEqual(first, edited);
    }

    private static Dictionary<string, string> SearchFiles(TestSite site) =>
        Directory.GetFiles(site.OutputDir, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.OutputDir, f).Replace('\\', '/'))
            .Where(f => f.StartsWith("search/", StringComparison.Ordinal) || f.Contains("/search/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => site.ReadOutput(f));
}
