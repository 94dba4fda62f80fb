using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Languages;

/// <summary>
/// Every page of a language is in that language: the theme's words, site.yml's words for it (nav,
/// disclaimer), breadcrumbs, dates and doses, and the pages KneeGuide makes (/es/exercises/, ...).
/// The site is <see cref="TranslationTests"/>' (English, Spanish, Arabic right to left).
/// </summary>
public sealed class TranslatedPagesTests
{
    private static async Task<TestSite> BuiltAsync(Action<TestSite>? change = null)
    {
        var site = TranslationTests.NewSite();
        change?.Invoke(site);
        var result = await site.BuildAsync();
        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return site;
    }

    [Fact]
    public async Task A_translated_page_has_its_languages_nav_footer_skip_link_and_menu()
    {
        using var site = await BuiltAsync();
        var page = site.ReadOutput("es/articles/sample/index.html");

        Assert.Contains("<a href=\"/es/exercises/\">Ejercicios</a>", page);
        Assert.DoesNotContain(">Exercises</a>", page);
        Assert.Contains("<strong>Aviso médico:</strong> Esta guía es información general, no un diagnóstico.", page);
        Assert.Contains(">Saltar al contenido</a>", page);
        Assert.Contains("<summary>Menú</summary>", page);
        Assert.Contains("<a href=\"/es/tags/\">Temas</a>", page);
        Assert.Contains("<a href=\"/es/search/\">Buscar</a>", page);
        Assert.Contains("<a href=\"/es/credits/\">Créditos de imágenes y vídeos</a>", page);
        Assert.Contains("<meta name=\"description\" content=\"Un artículo para las pruebas.\">", page);
        foreach (var word in new[] { "Skip to content", "Medical disclaimer", "Image and video credits", ">Menu<", "On this page", "Published <", "Updated <" })
        {
            Assert.DoesNotContain(word, page);
        }

        var english = site.ReadOutput("articles/sample/index.html");
        Assert.Contains("<a href=\"/exercises/\">Exercises</a>", english);
        Assert.Contains("<strong>Medical disclaimer:</strong>", english);
        Assert.Contains("<a href=\"/credits/\">Image and video credits</a>", english);
    }

    [Fact]
    public async Task Breadcrumbs_and_dates_are_in_the_pages_language()
    {
        using var site = await BuiltAsync();
        var page = site.ReadOutput("es/articles/sample/index.html");

        Assert.Contains("<li><a href=\"/\">Inicio</a></li><li><a href=\"/es/articles/\">Artículos</a></li><li><span aria-current=\"page\">Artículo de prueba</span></li>", page);
        Assert.Contains("Publicado el <time datetime=\"2026-01-15\">15 de enero de 2026</time>", page);
        Assert.Contains("Actualizado el <time datetime=\"2026-02-01\">1 de febrero de 2026</time>", page);
        Assert.Contains("Published <time datetime=\"2026-01-15\">15 January 2026</time>", site.ReadOutput("articles/sample/index.html"));

        var exercise = site.ReadOutput("es/exercises/heel-raises/index.html");
        Assert.Contains("<a href=\"/es/exercises/\">Ejercicios</a>", exercise);
        Assert.Contains("repeticiones", exercise);
        Assert.DoesNotContain(" reps", exercise);
    }

    [Fact]
    public async Task A_translated_exercises_structured_data_is_in_its_language()
    {
        using var site = await BuiltAsync();

        var spanish = ExercisePlan(site.ReadOutput("es/exercises/heel-raises/index.html"));
        Assert.Equal("Elevaciones de talón", spanish.GetProperty("name").GetString());
        Assert.Equal("Fortalece las pantorrillas.", spanish.GetProperty("description").GetString());
        Assert.Equal("es", spanish.GetProperty("inLanguage").GetString());
        Assert.Equal("gemelos", spanish.GetProperty("exerciseType").GetString());
        Assert.Equal("a diario", spanish.GetProperty("activityFrequency").GetString());
        Assert.Equal("3 × 10-15 repeticiones, cada lado, a diario", Assert.Single(spanish.GetProperty("additionalVariable").EnumerateArray()).GetString());

        var english = ExercisePlan(site.ReadOutput("exercises/heel-raises/index.html"));
        Assert.Equal("en", english.GetProperty("inLanguage").GetString());
        Assert.Equal("calves", english.GetProperty("exerciseType").GetString());
        Assert.Equal("3 × 10-15 reps, each side", Assert.Single(english.GetProperty("additionalVariable").EnumerateArray()).GetString());
    }

    /// <summary>The ExercisePlan of a page's JSON-LD.</summary>
    private static System.Text.Json.JsonElement ExercisePlan(string page)
    {
        const string start = "<script type=\"application/ld+json\">";
        var at = page.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var json = page[at..page.IndexOf("</script>", at, StringComparison.Ordinal)];
        var graph = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("@graph");
        return graph.EnumerateArray().Single(n => n.GetProperty("@type").GetString() == "ExercisePlan").Clone();
    }

    [Fact]
    public async Task A_translated_home_page_is_the_languages_home_in_its_breadcrumbs_and_brand()
    {
        using var site = await BuiltAsync(s => s.Write("index.es.md", "---\ntitle: Inicio de la guía\nupdated: 2026-02-01\n---\n\nHola.\n"));
        var page = site.ReadOutput("es/articles/sample/index.html");

        Assert.Contains("<li><a href=\"/es/\">Inicio</a></li>", page);
        Assert.Contains("<a class=\"brand\" href=\"/es/\">", page);
    }

    [Fact]
    public async Task Each_language_has_its_exercise_library_sections_topics_search_and_programme_builder()
    {
        using var site = await BuiltAsync();

        var library = site.ReadOutput("es/exercises/index.html");
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", library);
        Assert.Contains("<h1>Biblioteca de ejercicios</h1>", library);
        Assert.Contains("<a href=\"/es/exercises/heel-raises/\">Elevaciones de talón</a>", library);
        Assert.DoesNotContain(">Heel raises</a>", library);
        Assert.Contains("<label for=\"filter-target\">Trabaja</label>", library);
        Assert.Contains("<a href=\"/es/plan/\">", library);

        // A page with no Spanish version is listed as the original, marked as English.
        var mobility = site.ReadOutput("es/mobility/index.html");
        Assert.Contains("<h1>Movilidad</h1>", mobility);
        Assert.Contains("<li lang=\"en\"><a href=\"/mobility/mobility-basics/\" hreflang=\"en\">", mobility);
        Assert.Contains("<a href=\"/es/articles/sample/\">Artículo de prueba</a>", site.ReadOutput("es/articles/index.html"));

        var topics = site.ReadOutput("es/tags/index.html");
        Assert.Contains("<a class=\"tag\" href=\"/es/tags/knees/\">Rodillas", topics);
        var topic = site.ReadOutput("es/tags/knees/index.html");
        Assert.Contains("<h1>Tema: Rodillas</h1>", topic);
        Assert.Contains("<a href=\"/es/tags/\">Temas</a>", topic);

        var search = site.ReadOutput("es/search/index.html");
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", search);
        Assert.Contains("action=\"/es/search/\"", search);

        var plan = site.ReadOutput("es/plan/index.html");
        Assert.Contains("<h1>Programa de ejercicios para casa</h1>", plan);
        Assert.Contains("data-title=\"Elevaciones de talón\"", plan);
        Assert.Contains("Tu hoja de ejercicios para casa", plan);
        Assert.Contains("Un poco de dolor está bien si no pasa de 3 sobre 10.", plan);
        Assert.Contains("href=\"/es/plan/?e=heel-raises\"", site.ReadOutput("es/articles/sample/index.html"));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", site.ReadOutput("ar/exercises/index.html"));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", site.ReadOutput("ar/tags/knees/index.html"));

    }

    [Fact]
    public async Task Generated_pages_have_hreflang_alternates_a_switcher_and_sitemap_entries()
    {
        using var site = await BuiltAsync();

        foreach (var file in new[] { "exercises/index.html", "es/exercises/index.html", "ar/exercises/index.html" })
        {
            var page = site.ReadOutput(file);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://test.example.org/exercises/\">", page);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://test.example.org/es/exercises/\">", page);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://test.example.org/ar/exercises/\">", page);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://test.example.org/exercises/\">", page);
        }

        Assert.Contains("<a href=\"/exercises/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>", site.ReadOutput("es/exercises/index.html"));

        var sitemap = site.ReadOutput("sitemap.xml");
        var entry = sitemap[sitemap.IndexOf("<loc>https://test.example.org/es/tags/knees/</loc>", StringComparison.Ordinal)..];
        entry = entry[..entry.IndexOf("</url>", StringComparison.Ordinal)];
        Assert.Contains("hreflang=\"en\" href=\"https://test.example.org/tags/knees/\"", entry);
        Assert.Contains("hreflang=\"ar\" href=\"https://test.example.org/ar/tags/knees/\"", entry);
        Assert.Contains("hreflang=\"x-default\" href=\"https://test.example.org/tags/knees/\"", entry);
        Assert.DoesNotContain("404.html", sitemap);
    }

    [Fact]
    public async Task Each_language_has_its_credits_page_with_the_images_titles_in_it_and_the_licences_as_written()
    {
        using var site = await BuiltAsync(s => s.Write("images/credits.yml",
            "knee.svg:\n  title: A knee\n  author: Test author\n  source: https://example.org/knee\n  license: CC BY 4.0\n  translations:\n    - language: es\n      title: Una rodilla\n"));

        var spanish = site.ReadOutput("es/credits/index.html");
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", spanish);
        Assert.Contains("<h1>Créditos de imágenes y vídeos</h1>", spanish);
        Assert.Contains("<th scope=\"col\">Licencia</th>", spanish);
        Assert.Contains("<td>Una rodilla</td><td><a href=\"https://example.org/knee\">Test author</a></td><td>CC BY 4.0</td>", spanish);
        Assert.Contains("<a href=\"/es/credits/\">Créditos de imágenes y vídeos</a>", spanish);
        Assert.Contains("<strong>Aviso médico:</strong>", spanish);
        Assert.DoesNotContain("A knee", spanish);
        // A language with no translation of the credit shows its title as written.
        var arabic = site.ReadOutput("ar/credits/index.html");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("<td>A knee</td>", arabic);
        var english = site.ReadOutput("credits/index.html");
        Assert.Contains("<td>A knee</td>", english);
        Assert.Contains("<a href=\"/credits/\">Image and video credits</a>", english);

        foreach (var page in new[] { english, spanish, arabic })
        {
            Assert.Contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://test.example.org/credits/\">", page);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://test.example.org/es/credits/\">", page);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://test.example.org/ar/credits/\">", page);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://test.example.org/credits/\">", page);
        }

        Assert.Contains("<a href=\"/credits/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>", spanish);
        var sitemap = site.ReadOutput("sitemap.xml");
        var entry = sitemap[sitemap.IndexOf("<loc>https://test.example.org/es/credits/</loc>", StringComparison.Ordinal)..];
        entry = entry[..entry.IndexOf("</url>", StringComparison.Ordinal)];
        Assert.Contains("hreflang=\"en\" href=\"https://test.example.org/credits/\"", entry);
        Assert.Contains("hreflang=\"x-default\" href=\"https://test.example.org/credits/\"", entry);
    }

    [Fact]
    public async Task A_translated_page_shows_its_originals_related_pages_each_in_its_language_when_translated()
    {
        const string other = "---\ntitle: Other article\ndescription: Another one.\ndate: 2026-01-10\ntags: [knees]\n---\n\nText.\n";
        using (var site = await BuiltAsync(s => s.Write("articles/other.md", other)))
        {
            var page = site.ReadOutput("es/articles/sample/index.html");
            Assert.Contains("<h2 id=\"related-heading\">Relacionado</h2>", page);
            Assert.Contains("<li lang=\"en\"><a href=\"/articles/other/\" hreflang=\"en\">Other article</a>", page);
        }

        using (var site = await BuiltAsync(s => s.Write("articles/other.md", other).Write("articles/other.es.md", "---\ntitle: Otro artículo\nupdated: 2026-02-01\n---\n\nTexto.\n")))
        {
            var page = site.ReadOutput("es/articles/sample/index.html");
            Assert.Contains("<a href=\"/es/articles/other/\">Otro artículo</a>", page);
            Assert.Contains("<a href=\"/articles/other/\">Other article</a>", site.ReadOutput("articles/sample/index.html"));
        }
    }
}
