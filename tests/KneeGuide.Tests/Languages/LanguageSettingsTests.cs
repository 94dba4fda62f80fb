using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Languages;

/// <summary>site.yml's languages: a list of { code, name, dir }, the first the default.</summary>
public sealed class LanguageSettingsTests
{
    private const string Site = """
        title: Test Guide
        base_url: https://test.example.org/
        description: A small site built by the tests.
        nav:
          - title: Exercises
            url: /exercises/
        """;

    /// <summary>The site's words a language other than the first must have (indented for a languages: entry).</summary>
    private const string Words = "    description: Words.\n    disclaimer: Words.\n    pain_rule_text: Words.\n    nav:\n      - title: Words\n        url: /exercises/\n    targets:\n      calves: Words.\n";

    [Fact]
    public async Task Without_languages_the_site_has_one_language_from_language()
    {
        using var site = new TestSite();
        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", site.ReadOutput("index.html"));
    }

    [Fact]
    public async Task The_first_language_is_the_default_and_gives_lang_and_dir()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguages:\n  - code: ar\n    name: العربية\n    dir: rtl\n  - code: en\n    name: English\n" + Words);
        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", site.ReadOutput("index.html"));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", site.ReadOutput("articles/sample/index.html"));
    }

    [Fact]
    public async Task A_language_declared_twice_is_an_error_at_the_second_code()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n" + Words + "  - code: es\n    name: Español\n");
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1105 site.yml:20:11", site.DescribeRelative(d));
        Assert.Contains("'es' is declared twice", d.Message);
        Assert.Contains("line 10", d.Message);
    }

    [Theory]
    [InlineData("ES")]
    [InlineData("spanish")]
    [InlineData("es_ES")]
    public async Task A_malformed_code_is_an_error_at_its_line(string code)
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + $"\nlanguages:\n  - code: en\n    name: English\n  - code: {code}\n    name: Other\n");
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1104 site.yml:10:11", site.DescribeRelative(d));
        Assert.Contains("language code", d.Message);
    }

    [Fact]
    public async Task A_direction_other_than_ltr_or_rtl_is_an_error()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguages:\n  - code: en\n    name: English\n    dir: left\n");
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1104 site.yml:10:10", site.DescribeRelative(d));
    }

    [Fact]
    public async Task A_language_key_that_disagrees_with_the_first_of_languages_is_an_error()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguage: fr\nlanguages:\n  - code: en\n    name: English\n");
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1104 site.yml:7:11", site.DescribeRelative(d));
    }

    [Fact]
    public async Task A_language_without_the_sites_words_in_it_is_an_error_at_its_code_for_each_missing_one()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n    description: Un sitio.\n");
        var result = await site.BuildAsync();

        Assert.False(result.Published);
        Assert.Equal(
            ["KG1101 site.yml:10:11 disclaimer", "KG1101 site.yml:10:11 nav", "KG1101 site.yml:10:11 pain_rule_text", "KG1101 site.yml:10:11 targets"],
            result.Diagnostics.Select(d => $"{site.DescribeRelative(d)} {d.Message.Split('\'')[3]}").ToArray());
        Assert.Contains("add disclaimer: in that language under '- code: es'", result.Diagnostics[0].Message);
        Assert.Contains("/es/exercises/", result.Diagnostics[1].Message);
    }

    [Fact]
    public async Task Exercise_targets_and_equipment_are_shown_in_the_pages_language_and_filter_by_their_values()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\ntargets:\n  calves: Calf muscles\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n" + Words.Replace("calves: Words.", "calves: gemelos"));
        site.Write("exercises/heel-raises.es.md", "---\ntitle: Elevaciones de talón\nsummary: Para los gemelos.\nupdated: 2026-12-01\nsteps:\n  - Sube.\n---\n");
        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var english = site.ReadOutput("exercises/index.html");
        var spanish = site.ReadOutput("es/exercises/index.html");
        Assert.Contains("<option value=\"calves\">Calf muscles</option>", english);
        Assert.Contains("<option value=\"calves\">gemelos</option>", spanish);
        Assert.Contains("data-targets=\"calves\"", spanish);
        Assert.Contains("<span class=\"chip\">gemelos</span>", spanish);
        Assert.Contains("gemelos", site.ReadOutput("es/exercises/heel-raises/index.html"));
    }

    [Fact]
    public async Task An_images_alt_text_on_a_languages_pages_is_its_credits_translation()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n" + Words);
        site.Write("images/credits.yml", "knee.svg:\n  title: A knee\n  author: Test author\n  license: CC BY 4.0\n  translations:\n    - language: es\n      title: Una rodilla\n");
        site.Write("exercises/heel-raises.es.md", "---\ntitle: Elevaciones de talón\nsummary: Para los gemelos.\nupdated: 2026-12-01\nsteps:\n  - Sube.\n---\n");
        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Contains("alt=\"Una rodilla\"", site.ReadOutput("es/exercises/heel-raises/index.html"));
        Assert.Contains("alt=\"A knee\"", site.ReadOutput("exercises/heel-raises/index.html"));
    }

    [Theory]
    [InlineData("sp", "not one of site.yml's languages")]
    [InlineData("en", "is the default language")]
    public async Task A_credit_translated_into_a_language_that_is_not_another_declared_one_is_an_error_at_its_code(string code, string expected)
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n" + Words);
        site.Write("images/credits.yml", $"knee.svg:\n  title: A knee\n  author: Test author\n  license: CC BY 4.0\n  translations:\n    - language: {code}\n      title: Una rodilla\n");
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1305 images/credits.yml:6:17", site.DescribeRelative(d));
        Assert.Contains(expected, d.Message);
    }

    [Fact]
    public async Task A_declared_language_without_theme_words_is_an_error_at_its_code()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguages:\n  - code: en\n    name: English\n  - code: fr\n    name: Français\n" + Words);
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG3003 site.yml:10:11", site.DescribeRelative(d));
        Assert.Contains("add strings/fr.yml", d.Message);
    }

    [Fact]
    public async Task A_target_without_a_title_in_a_language_is_an_error_at_the_language_naming_it()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguages:\n  - code: en\n    name: English\n  - code: es\n    name: Español\n" + Words.Replace("calves:", "quads:"));
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1101 site.yml:10:11", site.DescribeRelative(d));
        Assert.Contains("no 'targets' title for 'calves'", d.Message);
        Assert.Contains("targets: { calves: ... }", d.Message);
    }

    [Fact]
    public async Task The_first_languages_words_are_site_ymls_own_and_an_error_in_its_entry()
    {
        using var site = new TestSite();
        site.Write("site.yml", Site + "\nlanguages:\n  - code: en\n    name: English\n    disclaimer: Twice.\n");
        var result = await site.BuildAsync();

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("KG1104 site.yml:10:5", site.DescribeRelative(d));
        Assert.Contains("site.yml's own 'disclaimer'", d.Message);
    }
}
