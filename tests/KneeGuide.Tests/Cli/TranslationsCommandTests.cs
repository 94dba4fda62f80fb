using KneeGuide.Tests.Reliability;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Cli;

/// <summary>
/// <c>kneeguide translations</c> on a site in English and Spanish: every original in Spanish, with
/// its translation's state and review or "not translated", and <c>--stale</c> for CI.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class TranslationsCommandTests
{
    private const string TwoLanguages = """
        title: Test Guide
        base_url: https://test.example.org/
        description: A small site built by the tests.

        """ + TestSite.EnglishAndSpanish;

    private static TestSite NewSite()
    {
        var site = new TestSite();
        site.Write("site.yml", TwoLanguages);
        // Up to date and reviewed.
        site.Write("articles/sample.es.md", "---\ntitle: Artículo\ndescription: Un artículo.\nupdated: 2026-02-01\nreviewed:\n  by: Dra. Prueba\n  on: 2026-02-02\n---\n\nTexto.\n");
        // Behind: the original exercise changed after it.
        site.Write("exercises/heel-raises.md", site.ReadInput("exercises/heel-raises.md").Replace("image: knee.svg", "image: knee.svg\nupdated: 2026-03-01"));
        site.Write("exercises/heel-raises.es.md", "---\ntitle: Elevaciones de talón\nsummary: Fortalece las pantorrillas.\nupdated: 2026-02-01\n---\n\nNotas.\n");
        // No updated date.
        site.Write("index.es.md", "---\ntitle: Inicio\n---\n\nTexto.\n");
        // mobility/mobility-basics.md has no Spanish version.
        return site;
    }

    private static string LineOf(string stdout, string file) =>
        Assert.Single(stdout.Split('\n'), l => l.Contains(file, StringComparison.Ordinal));

    [Fact]
    public async Task Every_original_is_listed_in_each_other_language_with_its_translations_state_and_review()
    {
        using var site = NewSite();

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync("translations", "--input", site.InputDir);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.StartsWith("Translations into Español (es)", stdout);
        Assert.Contains("up to date; reviewed on 2026-02-02 by Dra. Prueba", LineOf(stdout, "articles/sample.es.md"));
        Assert.Contains("original changed on 2026-03-01, after the translation's updated 2026-02-01; not reviewed by a clinician", LineOf(stdout, "exercises/heel-raises.es.md"));
        Assert.Contains("no updated date", LineOf(stdout, "index.es.md"));
        Assert.Contains("not translated into es", LineOf(stdout, "mobility/mobility-basics.md"));
        Assert.Contains("3 translations: 2 behind their original, 2 not reviewed by a clinician; 1 not translated yet.", stdout);
        // Piped, every path is whole on one line, with no table borders.
        Assert.Contains($"{site.Display("exercises/heel-raises.es.md")}  (of {site.Display("exercises/heel-raises.md")} \"Heel raises\")", stdout);
        Assert.DoesNotContain("│", stdout);
    }

    [Fact]
    public async Task Stale_lists_only_the_translations_behind_their_original_and_exits_1_for_ci()
    {
        using var site = NewSite();

        var (code, stdout, _) = await ConsoleCapture.RunAsync("translations", "--input", site.InputDir, "--stale");

        Assert.Equal(1, code);
        Assert.Contains("behind", LineOf(stdout, "exercises/heel-raises.es.md"));
        Assert.Contains("no updated", LineOf(stdout, "index.es.md"));
        Assert.DoesNotContain("articles/sample.es.md", stdout);
        Assert.DoesNotContain("not translated into", stdout);
    }

    [Fact]
    public async Task Stale_exits_0_when_every_translation_follows_its_original_even_unreviewed_or_missing_ones()
    {
        using var site = NewSite();
        site.Write("exercises/heel-raises.es.md", "---\ntitle: Elevaciones de talón\nsummary: Fortalece las pantorrillas.\nupdated: 2026-03-01\n---\n\nNotas.\n");
        site.Write("index.es.md", "---\ntitle: Inicio\nupdated: 2026-01-01\n---\n\nTexto.\n");

        var (code, stdout, _) = await ConsoleCapture.RunAsync("translations", "--input", site.InputDir, "--stale");

        Assert.Equal(0, code);
        Assert.Contains("Every translation is up to date with its original.", stdout);
    }

    [Fact]
    public async Task A_translation_with_a_key_of_the_original_is_reported_as_the_build_reports_it_and_exits_1()
    {
        using var site = NewSite();
        site.Write("articles/sample.es.md", "---\ntitle: Artículo\ntags: [rodillas]\nupdated: 2026-02-01\n---\n\nTexto.\n");

        var (code, _, stderr) = await ConsoleCapture.RunAsync("translations", "--input", site.InputDir);

        Assert.Equal(1, code);
        Assert.Contains($"{site.Display("articles/sample.es.md")}:3:1: error KG1703:", stderr);
    }

    [Fact]
    public async Task A_site_in_one_language_says_how_to_add_others()
    {
        using var site = new TestSite();

        var (code, stdout, _) = await ConsoleCapture.RunAsync("translations", "--input", site.InputDir);

        Assert.Equal(0, code);
        Assert.Contains("The site has one language (en): list others under languages: in site.yml", stdout);
    }

    [Fact]
    public async Task Reviews_leaves_translations_to_the_translations_command()
    {
        using var site = NewSite();

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync("reviews", "--input", site.InputDir);

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.DoesNotContain(".es.md", stdout);
    }
}
