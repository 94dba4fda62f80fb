using KneeGuide.Site;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Languages;

/// <summary>
/// What a page in another language reads of the rest of the site (its language's nav and tag
/// titles in site.yml, the theme's words, whether a translation exists) is seen by the build cache:
/// after each edit a warm build gives the output of a cold one.
/// </summary>
public sealed class TranslatedPagesWarmBuildTests
{
    [Fact]
    public async Task A_warm_build_after_each_language_edit_equals_a_cold_build()
    {
        using var site = TranslationTests.NewSite();
        var options = new BuildOptions(site.InputDir, site.OutputDir, site.ThemeDir);
        Assert.Empty((await SiteBuilder.BuildAsync(options)).Diagnostics);

        var edits = new (string What, Action Edit, string File, string Expected)[]
        {
            ("the Spanish nav title", () => site.Write("site.yml", site.ReadInput("site.yml").Replace("title: Ejercicios", "title: Los ejercicios")), "es/articles/sample/index.html", ">Los ejercicios</a>"),
            ("a Spanish tag title", () => site.Write("site.yml", site.ReadInput("site.yml").Replace("knees: Rodillas", "knees: Las rodillas")), "es/tags/index.html", ">Las rodillas"),
            ("a Spanish theme word", () => site.WriteTheme("strings/es.yml", File.ReadAllText(Path.Combine(site.ThemeDir, "strings/es.yml")).Replace("  home: Inicio\n", "  home: Portada\n")), "es/exercises/index.html", ">Portada</a>"),
            ("a new Spanish home page", () => site.Write("index.es.md", "---\ntitle: Portada de la guía\n---\n\nHola.\n"), "es/tags/knees/index.html", "<a href=\"/es/\">Portada</a>"),
            ("a new Spanish translation", () => site.Write("mobility/mobility-basics.es.md", "---\ntitle: Movilidad básica\nupdated: 2030-01-01\n---\n\nTexto.\n"), "es/mobility/index.html", ">Movilidad básica</a>"),
            ("a translated exercise's title", () => site.Write("exercises/heel-raises.es.md", site.ReadInput("exercises/heel-raises.es.md").Replace("title: Elevaciones de talón", "title: Talones arriba")), "es/plan/index.html", "data-title=\"Talones arriba\""),
        };
        for (var step = 0; step < edits.Length; step++)
        {
            var (what, edit, file, expected) = edits[step];
            edit();
            var warm = await SiteBuilder.BuildAsync(options);
            var coldOutput = Path.Combine(site.Root, "cold-" + step);
            var cold = await SiteBuilder.BuildAsync(options with { Output = coldOutput, NoCache = true, CacheFile = Path.Combine(site.Root, "cold.cache") });

            Assert.True(warm.Published && cold.Published, $"{what}: {string.Join("\n", warm.Diagnostics.Concat(cold.Diagnostics))}");
            Assert.Contains(expected, site.ReadOutput(file));
            OutputComparison.AssertSame(coldOutput, site.OutputDir, what);
        }
    }
}
