using System.Text.Json;
using KneeGuide.Site.Search;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KneeGuide.BrowserTests;

/// <summary>
/// Search on the built default site, as a reader uses it: /search/?q=... and the results inside
/// #search-results. Every check after an action is an auto-waiting Expect.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SearchTests(SiteFixture site)
{
    private ILocator Results(IPage page) => page.Locator("#search-results ol.search-results > li");

    private async Task<(IPage Page, List<string> Errors)> SearchAsync(string query, int width = 390, int height = 844)
    {
        var (page, errors) = await site.NewPageAsync(width, height);
        await page.GotoAsync("/search/?q=" + Uri.EscapeDataString(query));
        return (page, errors);
    }

    [Fact]
    public async Task Another_form_of_a_word_finds_the_page_and_marks_the_word_as_the_page_writes_it()
    {
        // "stretched" is on no page; its stem is on many: the hamstring stretch's title among them.
        var (page, errors) = await SearchAsync("stretched hamstring");
        var first = Results(page).First;
        await Expect(first.Locator("h2 a")).ToHaveAttributeAsync("href", "/exercises/hamstring-stretch/");
        await Expect(first.Locator("mark").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^(S|s)tretch") }).First).ToBeVisibleAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_preloaded_manifest_is_fetched_once()
    {
        // The head's preload must match search.js's fetch (cors, same-origin credentials), or Chromium fetches it again.
        var (page, errors) = await site.NewPageAsync(390, 844);
        var manifests = new List<string>();
        page.Request += (_, request) => { if (request.Url.EndsWith("/search/manifest.json", StringComparison.Ordinal)) manifests.Add(request.Url); };
        await page.GotoAsync("/search/?q=" + Uri.EscapeDataString("glutes"));
        await Expect(Results(page).First).ToBeVisibleAsync();
        Assert.Single(manifests);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("hamstrng stretch")] // a typo: the word-ending shards too
    [InlineData("bum exercises")] // a synonym: its postings named by the term shard
    [InlineData("knee")] // the most common word of the site
    public async Task A_query_fetches_each_index_file_once_and_nothing_fails(string query)
    {
        // search.js's load() keeps one promise a file; the preloaded manifest is the same request.
        var (page, errors) = await site.NewPageAsync(390, 844);
        var requests = new List<string>();
        var failed = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add(new Uri(request.Url).AbsolutePath); };
        page.RequestFailed += (_, request) => { lock (failed) failed.Add(request.Url + ": " + request.Failure); };
        await page.GotoAsync("/search/?q=" + Uri.EscapeDataString(query));
        await Expect(Results(page).First).ToBeVisibleAsync();
        string[] index;
        lock (requests) index = requests.Where(r => r.StartsWith("/search/", StringComparison.Ordinal) && r.EndsWith(".json", StringComparison.Ordinal)).ToArray();
        Assert.Contains("/search/manifest.json", index);
        Assert.Contains(index, r => r.StartsWith("/search/terms/", StringComparison.Ordinal));
        Assert.Contains(index, r => r.StartsWith("/search/pages/", StringComparison.Ordinal));
        Assert.Equal(index.Distinct(), index);
        Assert.Empty(failed);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_query_in_the_address_is_looked_up_before_the_stylesheet_is_in()
    {
        // search.js runs from the head, before the stylesheet and the first frame: the index's files
        // for ?q= are asked for while the rest of the page is still on its way (held here for 3 s).
        var (page, errors) = await site.NewPageAsync(390, 844);
        var styleReleased = false;
        var termsBeforeStyle = 0;
        await page.RouteAsync("**/assets/css/site.css", async route =>
        {
            await Task.Delay(3000);
            Volatile.Write(ref styleReleased, true);
            await route.ContinueAsync();
        });
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath.StartsWith("/search/terms/", StringComparison.Ordinal) && !Volatile.Read(ref styleReleased))
            {
                Interlocked.Increment(ref termsBeforeStyle);
            }
        };
        await page.GotoAsync("/search/?q=" + Uri.EscapeDataString("stretched hamstring"));
        await Expect(Results(page).First.Locator("h2 a")).ToHaveAttributeAsync("href", "/exercises/hamstring-stretch/");
        Assert.True(Volatile.Read(ref termsBeforeStyle) > 0, "no term shard was asked for before the stylesheet was released");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_spanish_search_page_reads_the_spanish_index_and_answers_in_spanish()
    {
        // The clinic's site is in English and Spanish: /es/search/ loads /es/search/ (its own index,
        // Spanish stems: "corredores" finds "corredor") and shows its words in Spanish.
        var (page, errors) = await site.NewPageAsync(390, 844);
        var manifests = new List<string>();
        page.Request += (_, request) => { if (request.Url.EndsWith("manifest.json", StringComparison.Ordinal)) manifests.Add(new Uri(request.Url).AbsolutePath); };
        await page.GotoAsync("/es/search/?q=" + Uri.EscapeDataString("rodilla de los corredores"));
        await Expect(Results(page).First.Locator("h2 a")).ToHaveAttributeAsync("href", "/es/articles/runners-knee/");
        await Expect(page.Locator("#search-results .search-status")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("coincid"));
        Assert.Equal(["/es/search/manifest.json"], manifests);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_page_not_yet_translated_is_found_from_the_spanish_search_and_marked_as_english()
    {
        // knee-issues.md has no Spanish version: the Spanish index holds it, marked with its language.
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync("/es/search/?q=" + Uri.EscapeDataString("tendinopathy"));
        var result = Results(page).Filter(new() { Has = page.Locator("h2 a[href='/articles/knee-issues/']") }).First;
        await Expect(result.Locator("h2 a")).ToHaveAttributeAsync("hreflang", "en");
        await Expect(result.Locator(".result-kind")).ToContainTextAsync("Aún sin traducir");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_typo_still_finds_the_page()
    {
        var (page, errors) = await SearchAsync("clamshel exersice");
        await Expect(Results(page).First.Locator("h2 a")).ToHaveAttributeAsync("href", "/exercises/clamshells/");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_typo_in_the_first_letter_still_finds_the_page()
    {
        var (page, _) = await SearchAsync("jeel raises");
        await Expect(Results(page).First.Locator("h2 a")).ToHaveAttributeAsync("href", "/exercises/heel-raises/");
    }

    [Fact]
    public async Task A_query_no_page_fully_matches_shows_the_best_partial_matches_and_says_what_is_missing()
    {
        var (page, errors) = await SearchAsync("calf stretch zebras");
        var first = Results(page).First;
        await Expect(first.Locator("h2 a")).ToHaveAttributeAsync("href", "/exercises/calf-stretch/");
        await Expect(first.Locator(".result-missing s")).ToHaveTextAsync("zebras");
        await Expect(page.Locator(".search-status")).ToContainTextAsync("No page has every word");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_synonym_finds_the_pages_that_use_the_clinical_word()
    {
        // "bum" is on no page; the built-in clinical synonyms map it to glutes and buttocks.
        var (page, _) = await SearchAsync("bum exercises");
        await Expect(page.Locator("#search-results h2 a[href='/exercises/glute-bridges/']")).ToHaveCountAsync(1);
        await Expect(Results(page).First.Locator("mark").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("(?i)^(glute|buttock)") }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_synonym_on_no_page_costs_no_request()
    {
        // Among gl.json's synonyms of "glute", "backside" is on no page of this site and "buttock" is:
        // its "p" names only buttock, so bu.json is fetched for its postings and ba.json not at all.
        var (page, errors) = await site.NewPageAsync(390, 844);
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(new Uri(request.Url).AbsolutePath);
        await page.GotoAsync("/search/?q=" + Uri.EscapeDataString("glutes"));
        await Expect(Results(page).First).ToBeVisibleAsync();
        Assert.Contains("/search/terms/gl.json", requested);
        Assert.Contains("/search/terms/bu.json", requested);
        Assert.DoesNotContain("/search/terms/ba.json", requested);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Excerpts_show_the_words_around_the_match_in_mark()
    {
        var (page, _) = await SearchAsync("patellofemoral");
        var result = Results(page).Filter(new LocatorFilterOptions { Has = page.Locator("h2 a[href='/articles/runners-knee/']") });
        await Expect(result.Locator(".result-excerpt mark").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("(?i)^patellofemoral$"));
        await Expect(result.Locator(".result-excerpt")).ToContainTextAsync("runner's knee (patellofemoral pain)");
    }

    [Fact]
    public async Task Results_link_to_up_to_three_matching_sections()
    {
        var (page, _) = await SearchAsync("iliotibial band");
        var result = Results(page).Filter(new LocatorFilterOptions { Has = page.Locator("h2 a[href='/articles/knee-issues/']") });
        var section = result.Locator(".result-sections a[href='/articles/knee-issues/#iliotibial-band-itb-syndrome']");
        await Expect(section).ToHaveTextAsync("Iliotibial band (ITB) syndrome");
        await Expect(page.Locator(".result-sections > li:nth-child(4)")).ToHaveCountAsync(0); // three at most
        await section.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/articles/knee-issues/#iliotibial-band-itb-syndrome$"));
    }

    [Fact]
    public async Task Arrow_keys_move_through_the_results_and_escape_returns_to_the_search_box()
    {
        var (page, _) = await SearchAsync("glute bridges", 1280, 900);
        var links = page.Locator("#search-results ol.search-results a");
        await Expect(links.First).ToHaveAttributeAsync("href", "/exercises/glute-bridges/");
        await page.Locator("#q").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(links.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(links.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(links.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#q")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_count_is_announced_in_a_live_status_and_typing_updates_it()
    {
        var (page, _) = await SearchAsync("wall sits");
        var status = page.Locator("#search-results [role='status']");
        await Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d+ pages? match “wall sits”\\.$"));
        await page.Locator("#q").FillAsync("zzyzx");
        await Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^No pages match “zzyzx”"));
        await Expect(Results(page)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Section_pages_are_found_too()
    {
        var (page, _) = await SearchAsync("exercise library");
        await Expect(Results(page).First.Locator("h2 a")).ToHaveAttributeAsync("href", "/exercises/");
        await Expect(Results(page).First.Locator(".result-kind")).ToHaveTextAsync("Exercise library");
    }

    [Fact]
    public async Task Showing_results_moves_nothing_on_the_page()
    {
        var (page, _) = await site.NewPageAsync(390, 844);
        // Every layout shift the page reports, from before its first paint.
        await page.AddInitScriptAsync("""
            window.__cls = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
              .observe({ type: "layout-shift", buffered: true });
            """);
        await page.GotoAsync("/search/?q=glutes");
        await Expect(Results(page).First).ToBeVisibleAsync();
        // Two frames after the results, every shift they could cause has been reported.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => { document.documentElement.dataset.cls = String(window.__cls); r(); })))");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-cls", "0");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Search_analyzer_js_reads_every_vector_as_the_build_does(string language)
    {
        var file = Path.Combine(SiteFixture.RepositoryRoot, "tests", "KneeGuide.Tests", "Search", "AnalyzerVectors", language + ".tsv");
        var vectors = await File.ReadAllTextAsync(file);
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var script in new[] { "stemmers.js", "search-analyzer.js" })
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(SiteFixture.RepositoryRoot, "theme", "assets", "js", script) });
        }

        var stop = SearchLanguage.For(language).StopWords.Order(StringComparer.Ordinal).ToArray();
        var wrong = await page.EvaluateAsync<JsonElement>("""
            ([language, stop, text]) => {
              const analyzer = self.kgSearchAnalyzer(self.kgStemmers[language], stop);
              const lines = text.split("\n");
              lines.pop();
              return lines.map(l => l.split("\t")).filter(([t, terms]) => analyzer.terms(t).join(" ") !== terms)
                .map(([t, terms]) => `${t} -> ${analyzer.terms(t).join(" ")}, expected ${terms}`).slice(0, 10);
            }
            """, new object[] { language, stop, vectors });
        Assert.True(wrong.GetArrayLength() == 0, string.Join("\n", wrong.EnumerateArray().Select(e => e.GetString())));
    }
}
