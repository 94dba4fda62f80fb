using KneeGuide.Core.Caching;
using KneeGuide.Site;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Languages;

/// <summary>
/// Translations beside their original (articles/sample.es.md), in a site with a left-to-right and a
/// right-to-left language besides English.
/// </summary>
public sealed class TranslationTests
{
    internal const string Site = """
        title: Test Guide
        base_url: https://test.example.org/
        description: A small site built by the tests.
        nav:
          - title: Exercises
            url: /exercises/
        languages:
          - code: en
            name: English
          - code: es
            name: Español
            description: Un sitio pequeño hecho por las pruebas.
            disclaimer: Esta guía es información general, no un diagnóstico.
            pain_rule_text: Un poco de dolor está bien si no pasa de 3 sobre 10.
            nav:
              - title: Ejercicios
                url: /es/exercises/
            tags:
              knees: Rodillas
            targets:
              calves: gemelos
            equipment:
              step: escalón
          - code: ar
            name: العربية
            dir: rtl
            description: موقع صغير للاختبارات.
            disclaimer: هذا الدليل معلومات عامة وليس تشخيصًا.
            pain_rule_text: بعض الألم مقبول.
            nav:
              - title: تمارين
                url: /ar/exercises/
            targets:
              calves: عضلات الساق
            equipment:
              step: درجة
        """;

    internal const string SpanishArticle = """
        ---
        title: Artículo de prueba
        description: Un artículo para las pruebas.
        updated: 2026-02-01
        ---

        ## Primera parte

        Un texto con un [enlace al ejercicio](../exercises/heel-raises.md).
        """;

    private const string SpanishExercise = """
        ---
        title: Elevaciones de talón
        summary: Fortalece las pantorrillas.
        dosage:
          sets: 3
          frequency: a diario
        steps:
          - "Ponte de pie."
          - "Sube de puntillas."
        updated: 2026-02-01
        ---

        Notas.
        """;

    private const string ArabicArticle = """
        ---
        title: مقال تجريبي
        description: مقال للاختبارات.
        updated: 2026-02-01
        reviewed:
          by: Dr Test
          on: 2026-02-02
        ---

        نص.
        """;

    internal static TestSite NewSite()
    {
        var site = new TestSite();
        site.Write("site.yml", Site);
        site.Write("articles/sample.es.md", SpanishArticle);
        site.Write("exercises/heel-raises.es.md", SpanishExercise);
        site.Write("articles/sample.ar.md", ArabicArticle);
        return site;
    }

    [Fact]
    public async Task Translations_are_published_under_their_language_code_with_its_lang_and_dir()
    {
        using var site = NewSite();
        var result = await site.BuildAsync();

        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        var spanish = site.ReadOutput("es/articles/sample/index.html");
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", spanish);
        Assert.Contains("Artículo de prueba", spanish);
        var arabic = site.ReadOutput("ar/articles/sample/index.html");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", site.ReadOutput("articles/sample/index.html"));
    }

    [Fact]
    public async Task Every_version_of_a_page_has_hreflang_alternates_and_x_default_in_its_head()
    {
        using var site = NewSite();
        await site.BuildAsync();

        foreach (var file in new[] { "articles/sample/index.html", "es/articles/sample/index.html", "ar/articles/sample/index.html" })
        {
            var page = site.ReadOutput(file);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://test.example.org/articles/sample/\">", page);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"es\" href=\"https://test.example.org/es/articles/sample/\">", page);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"ar\" href=\"https://test.example.org/ar/articles/sample/\">", page);
            Assert.Contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://test.example.org/articles/sample/\">", page);
        }

        // A page with no other version has none.
        Assert.DoesNotContain("hreflang", site.ReadOutput("mobility/mobility-basics/index.html"));
    }

    [Fact]
    public async Task The_language_switcher_links_to_the_other_versions_in_their_own_names()
    {
        using var site = NewSite();
        await site.BuildAsync();

        var spanish = site.ReadOutput("es/articles/sample/index.html");
        Assert.Contains("<a href=\"/articles/sample/\" hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>", spanish);
        Assert.Contains("<a href=\"/ar/articles/sample/\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a>", spanish);
        Assert.DoesNotContain(">Español</a>", spanish);
        Assert.Contains(">Español</a>", site.ReadOutput("articles/sample/index.html"));
        Assert.DoesNotContain("language-switcher", site.ReadOutput("mobility/mobility-basics/index.html"));
    }

    [Fact]
    public async Task The_sitemap_lists_each_pages_language_versions()
    {
        using var site = NewSite();
        await site.BuildAsync();

        var sitemap = site.ReadOutput("sitemap.xml");
        Assert.Contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"", sitemap);
        Assert.Contains("<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://test.example.org/es/exercises/heel-raises/\" />", sitemap);
        Assert.Contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://test.example.org/exercises/heel-raises/\" />", sitemap);
        var entry = sitemap[sitemap.IndexOf("<loc>https://test.example.org/ar/articles/sample/</loc>", StringComparison.Ordinal)..];
        entry = entry[..entry.IndexOf("</url>", StringComparison.Ordinal)];
        Assert.Contains("hreflang=\"en\" href=\"https://test.example.org/articles/sample/\"", entry);
        Assert.Contains("hreflang=\"ar\" href=\"https://test.example.org/ar/articles/sample/\"", entry);
        Assert.DoesNotContain("hreflang=\"es\" href=\"https://test.example.org/es/exercises/", entry);
    }

    [Fact]
    public async Task A_translated_exercise_has_its_words_and_the_original_dosage()
    {
        using var site = NewSite();
        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var page = site.ReadOutput("es/exercises/heel-raises/index.html");
        Assert.Contains("Sube de puntillas.", page);
        Assert.Contains("a diario", page);
        Assert.DoesNotContain("Rise onto your toes.", page);
        Assert.Contains("Rise onto your toes.", site.ReadOutput("exercises/heel-raises/index.html"));
    }

    [Fact]
    public async Task Translations_are_not_listed_in_the_default_language()
    {
        using var site = NewSite();
        await site.BuildAsync();

        Assert.DoesNotContain("href=\"/es/exercises/heel-raises/\"", site.ReadOutput("exercises/index.html"));
        Assert.DoesNotContain("href=\"/es/articles/sample/\"", site.ReadOutput("articles/index.html"));
        Assert.DoesNotContain("Elevaciones", site.ReadOutput("exercises/index.html"));
        Assert.Contains("https://test.example.org/es/articles/sample/", site.ReadOutput("sitemap.xml"));
    }

    [Fact]
    public async Task A_translated_page_shows_the_theme_words_of_its_language()
    {
        using var site = NewSite();
        site.Write("articles/sample.es.md", SpanishArticle.Replace("(../exercises/heel-raises.md)", "(../exercises/heel-raises.md \"card\")"));
        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var spanishExercise = site.ReadOutput("es/exercises/heel-raises/index.html");
        Assert.Contains("Cómo hacerlo", spanishExercise);
        Assert.DoesNotContain("How to do it", spanishExercise);
        Assert.Contains("How to do it", site.ReadOutput("exercises/heel-raises/index.html"));

        // The card in the Spanish article is the Spanish exercise, in Spanish words.
        var article = site.ReadOutput("es/articles/sample/index.html");
        Assert.Contains("Sube de puntillas.", article);
        Assert.Contains("Cómo hacerlo", article);
        Assert.DoesNotContain("Rise onto your toes.", article);
    }

    [Fact]
    public async Task A_theme_word_missing_in_a_declared_language_is_an_error_at_its_strings_file()
    {
        using var site = NewSite();
        var spanish = File.ReadAllText(Path.Combine(site.ThemeDir, "strings/es.yml"));
        site.WriteTheme("strings/es.yml", spanish.Replace("  steps: Cómo hacerlo\n", ""));
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG3003 theme:strings/es.yml:1:1", site.DescribeRelative(d));
        Assert.Contains("'exercise.steps'", d.Message);
        Assert.Contains("\"How to do it\"", d.Message);
        Assert.False(result.Published);
    }

    [Fact]
    public async Task A_translation_is_scored_for_reading_age_with_its_own_languages_formula()
    {
        using var site = NewSite();
        var hard = string.Join(" ", Enumerable.Repeat("La rehabilitación fisioterapéutica individualizada proporciona extraordinarias oportunidades terapéuticas considerablemente beneficiosas.", 8));
        site.Write("articles/sample.es.md", SpanishArticle + "\n" + hard + "\n");
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1501", d.Code);
        Assert.Equal(site.Display("articles/sample.es.md"), d.File);
        Assert.Contains("Fernández-Huerta", d.Message);
    }

    [Fact]
    public async Task A_link_in_a_translation_goes_to_the_same_language_when_it_can_else_to_the_original_marked_with_its_language()
    {
        using var site = NewSite();
        site.Write("articles/sample.es.md", SpanishArticle + "\nLee [movilidad](../mobility/mobility-basics.md#hips).\n");
        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var spanish = site.ReadOutput("es/articles/sample/index.html");
        Assert.Contains("<a href=\"/es/exercises/heel-raises/\">enlace al ejercicio</a>", spanish);
        Assert.Contains("<a href=\"/mobility/mobility-basics/#hips\" hreflang=\"en\">movilidad</a>", spanish);
        // The original's links are untouched.
        Assert.Contains("<a href=\"/exercises/heel-raises/\">link to the exercise</a>", site.ReadOutput("articles/sample/index.html"));

        // Once the mobility page is translated, the link goes to the translation (a warm build sees it too).
        site.Write("mobility/mobility-basics.es.md", "---\ntitle: Movilidad\ndescription: Movilidad.\nupdated: 2026-02-01\n---\n\n## Caderas {#hips}\n\nMueve las caderas.\n");
        Assert.Empty((await site.BuildAsync()).Diagnostics);
        Assert.Contains("<a href=\"/es/mobility/mobility-basics/#hips\">movilidad</a>", site.ReadOutput("es/articles/sample/index.html"));
    }

    [Fact]
    public async Task A_translation_older_than_its_original_is_a_warning_and_says_so_on_the_page()
    {
        using var site = NewSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("date: 2026-01-15", "date: 2026-01-15\nupdated: 2026-03-01"));
        var result = await site.BuildAsync();

        Assert.True(result.Published);
        Assert.Equal(
            ["KG1705 articles/sample.ar.md:4:10", "KG1705 articles/sample.es.md:4:10"],
            result.Diagnostics.Select(site.DescribeRelative).Order(StringComparer.Ordinal));
        Assert.Contains("changed on 2026-03-01, after this translation was last updated (2026-02-01)", result.Diagnostics[0].Message);
        Assert.Contains("La página original ha cambiado desde que se tradujo.", site.ReadOutput("es/articles/sample/index.html"));
        Assert.Contains("تغيّر أصل هذه الصفحة منذ ترجمتها.", site.ReadOutput("ar/articles/sample/index.html"));
        Assert.DoesNotContain("translation-note", site.ReadOutput("articles/sample/index.html"));
    }

    [Fact]
    public async Task An_exercise_translation_older_than_its_originals_updated_is_a_warning_at_its_updated_line_and_says_so_on_the_page()
    {
        using var site = NewSite();
        site.Write("exercises/heel-raises.md", site.ReadInput("exercises/heel-raises.md").Replace("image: knee.svg", "image: knee.svg\nupdated: 2026-03-01"));
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1705 exercises/heel-raises.es.md:10:10", site.DescribeRelative(d));
        Assert.Contains("exercises/heel-raises.md changed on 2026-03-01, after this translation was last updated (2026-02-01)", d.Message);
        Assert.Contains("La página original ha cambiado desde que se tradujo.", site.ReadOutput("es/exercises/heel-raises/index.html"));
        Assert.DoesNotContain("translation-note", site.ReadOutput("exercises/heel-raises/index.html"));
    }

    [Fact]
    public async Task A_home_page_translation_older_than_its_originals_updated_is_a_warning_at_its_updated_line_and_says_so_on_the_page()
    {
        using var site = NewSite();
        site.Write("index.md", site.ReadInput("index.md").Replace("description: The home page.", "description: The home page.\nupdated: 2026-03-01"));
        site.Write("index.es.md", "---\ntitle: Inicio\ndescription: La portada.\nupdated: 2026-02-01\n---\n\nLee [el artículo](articles/sample.md).\n");
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1705 index.es.md:4:10", site.DescribeRelative(d));
        Assert.Contains("index.md changed on 2026-03-01", d.Message);
        Assert.Contains("La página original ha cambiado desde que se tradujo.", site.ReadOutput("es/index.html"));
    }

    [Fact]
    public async Task A_plain_page_translation_without_updated_is_a_warning_and_one_with_it_follows_an_original_never_marked_updated()
    {
        using var site = NewSite();
        site.Write("about.md", "---\ntitle: About\n---\n\nAbout the guide.\n");
        site.Write("about.es.md", "---\ntitle: Acerca de\n---\n\nSobre la guía.\n");
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1705 about.es.md:1:1", site.DescribeRelative(d));
        Assert.Contains("this translation has no 'updated' date, so no one can tell whether it follows about.md", d.Message);

        site.Write("about.es.md", "---\ntitle: Acerca de\nupdated: 2026-02-01\n---\n\nSobre la guía.\n");
        Assert.Empty((await site.BuildAsync()).Diagnostics);
        Assert.DoesNotContain("La página original ha cambiado", site.ReadOutput("es/about/index.html"));
    }

    [Fact]
    public async Task A_translated_exercise_or_page_keeps_its_own_review_so_the_page_does_not_say_unreviewed()
    {
        using var site = NewSite();
        site.Write("exercises/heel-raises.es.md", SpanishExercise.Replace("updated: 2026-02-01", "updated: 2026-02-01\nreviewed:\n  by: Dra. Prueba, fisioterapeuta\n  on: 2026-02-03"));
        site.Write("index.es.md", "---\ntitle: Inicio\nupdated: 2026-02-01\nreviewed:\n  by: Dra. Prueba\n  on: 2026-02-03\n---\n\nLee [el artículo](articles/sample.md).\n");
        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var exercise = site.ReadOutput("es/exercises/heel-raises/index.html");
        Assert.DoesNotContain("Esta traducción aún no la ha revisado", exercise);
        Assert.Contains("Revisado por un profesional de la salud el <time datetime=\"2026-02-03\">", exercise);
        Assert.DoesNotContain("translation-note", site.ReadOutput("es/index.html"));
    }

    [Fact]
    public async Task A_translation_without_its_own_review_says_it_has_not_been_checked_by_a_clinician()
    {
        using var site = NewSite();
        await site.BuildAsync();

        Assert.Contains("Esta traducción aún no la ha revisado un profesional sanitario.", site.ReadOutput("es/articles/sample/index.html"));
        Assert.DoesNotContain("translation-note", site.ReadOutput("ar/articles/sample/index.html"));
        Assert.DoesNotContain("translation-note", site.ReadOutput("articles/sample/index.html"));
    }

    [Fact]
    public async Task A_translated_dosage_that_differs_is_an_error_at_its_value()
    {
        using var site = NewSite();
        site.Write("exercises/heel-raises.es.md", SpanishExercise.Replace("sets: 3", "sets: 4"));
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1704 exercises/heel-raises.es.md:5:9", site.DescribeRelative(d));
        Assert.Contains("a translated dosage must match the original's", d.Message);
        Assert.Contains("same programme in every language", d.Message);
    }

    [Fact]
    public async Task A_key_that_comes_from_the_original_is_an_error_at_its_line()
    {
        using var site = NewSite();
        site.Write("articles/sample.es.md", SpanishArticle.Replace("updated: 2026-02-01", "updated: 2026-02-01\ntags: [rodillas]"));
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1703 articles/sample.es.md:5:1", site.DescribeRelative(d));
        Assert.Contains("comes from the original", d.Message);
    }

    [Fact]
    public async Task A_translation_in_an_undeclared_language_is_an_error_naming_the_declared_ones()
    {
        using var site = NewSite();
        site.Write("articles/sample.fr.md", SpanishArticle);
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1701 articles/sample.fr.md:1:1", site.DescribeRelative(d));
        Assert.Contains("en, es, ar", d.Message);
    }

    [Fact]
    public async Task A_translation_without_an_original_is_an_error()
    {
        using var site = NewSite();
        site.Write("articles/missing.es.md", SpanishArticle);
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1702 articles/missing.es.md:1:1", site.DescribeRelative(d));
        Assert.Contains("articles/missing.md", d.Message);
    }

    [Fact]
    public async Task A_warm_build_equals_a_cold_build_after_editing_a_translation_and_its_original()
    {
        using var site = NewSite();
        var options = new BuildOptions(site.InputDir, site.OutputDir, site.ThemeDir) { Today = new DateOnly(2026, 12, 1) };
        BuildCache? memory = SiteBuilder.OpenCache(options);
        Assert.True((await SiteBuilder.BuildAsync(options, cache: memory)).Published);

        var edits = new (string What, Action Edit)[]
        {
            ("translation's title", () => site.Write("articles/sample.es.md", SpanishArticle.Replace("Artículo de prueba", "Artículo cambiado"))),
            ("original's date", () => site.Write("articles/sample.md", TestSite.SampleArticle.Replace("2026-01-15", "2026-03-01"))),
            ("original exercise's steps", () => site.Write("exercises/heel-raises.md", site.ReadInput("exercises/heel-raises.md").Replace("Stand tall.", "Stand up tall."))),
            ("original exercise's reps", () => site.Write("exercises/heel-raises.md", site.ReadInput("exercises/heel-raises.md").Replace("\"10-15\"", "\"8-12\""))),
            ("original exercise's updated (the translation falls behind)", () => site.Write("exercises/heel-raises.md", site.ReadInput("exercises/heel-raises.md").Replace("image: knee.svg", "image: knee.svg\nupdated: 2026-03-01"))),
            ("translated exercise's review", () => site.Write("exercises/heel-raises.es.md", SpanishExercise.Replace("updated: 2026-02-01", "updated: 2026-02-01\nreviewed:\n  by: Dra. Prueba\n  on: 2026-02-03"))),
            ("translated exercise's frequency", () => site.Write("exercises/heel-raises.es.md", SpanishExercise.Replace("a diario", "dos veces al día"))),
            ("new translation", () => site.Write("mobility/mobility-basics.es.md", "---\ntitle: Movilidad\ndescription: Movilidad para las pruebas.\n---\n\n## Caderas\n\nMueve las caderas.\n")),
            ("deleted translation", () => site.Delete("articles/sample.ar.md")),
            ("original exercise's sets", () => site.Write("exercises/heel-raises.md", site.ReadInput("exercises/heel-raises.md").Replace("sets: 3", "sets: 2"))),
        };
        for (var step = 0; step < edits.Length; step++)
        {
            edits[step].Edit();
            foreach (var cache in new[] { memory, null })
            {
                var warm = await SiteBuilder.BuildAsync(options, cache: cache);
                var coldOutput = Path.Combine(site.Root, "cold-" + step);
                var cold = await SiteBuilder.BuildAsync(options with { Output = coldOutput, NoCache = true, CacheFile = Path.Combine(site.Root, "cold.cache") });
                var context = $"after the {edits[step].What}";
                Assert.Equal(cold.Published, warm.Published);
                Assert.Equal(cold.Diagnostics.Select(d => d.ToString()), warm.Diagnostics.Select(d => d.ToString()));
                if (cold.Published)
                {
                    OutputComparison.AssertSame(coldOutput, site.OutputDir, context);
                }

                else
                {
                    // The original's sets changed under a translation that repeats them: the translation is wrong now.
                    Assert.Equal(edits.Length - 1, step);
                    Assert.Contains(cold.Diagnostics, d => d.Code == "KG1704");
                }

                if (Directory.Exists(coldOutput))
                {
                    Directory.Delete(coldOutput, recursive: true);
                }
            }
        }
    }
}
