using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KneeGuide.BrowserTests;

/// <summary>
/// What a reader does: search, filter the library, use the menu on a phone, print a sheet. Every
/// check after an action is one of Playwright's auto-waiting assertions (Expect), never a value read
/// once right after the action, so the tests hold on a busy machine.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class InteractionTests(SiteFixture site)
{
    [Fact]
    public async Task Search_finds_an_exercise_by_a_word_prefix_and_opens_it()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync("/search/");
        await page.GetByLabel("Search articles, mobility routines and exercises").FillAsync("glute bri");
        var result = page.Locator(".search-results a", new PageLocatorOptions { HasText = "Glute bridges" });
        await Expect(result).ToHaveAttributeAsync("href", "/exercises/glute-bridges/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=glute%20bri"));

        await result.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/exercises/glute-bridges/$"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Glute bridges");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_for_an_unknown_word_says_nothing_matches()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync("/search/?q=zzyzx");
        await Expect(page.Locator(".search-status")).ToContainTextAsync("No pages match");
        await Expect(page.Locator(".search-results li")).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_finds_an_article_by_body_text_only_it_contains()
    {
        var (page, _) = await site.NewPageAsync();
        await page.GotoAsync("/search/?q=patellofemoral");
        await Expect(page.Locator(".search-results a[href='/articles/runners-knee/']")).ToHaveCountAsync(1);
        await Expect(page.Locator(".search-results a[href='/exercises/calf-stretch/']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Library_filters_show_only_matching_cards_and_reset_shows_all()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync("/exercises/");
        var cards = page.Locator("#exercise-list .exercise-card");
        var total = await cards.CountAsync(); // the list is in the HTML: nothing to wait for
        Assert.True(total >= 10, $"expected the whole library, got {total} cards");

        await page.GetByLabel("Works").SelectOptionAsync("calves");
        var visible = page.Locator("#exercise-list .exercise-card:visible");
        var matching = await page.Locator("#exercise-list .exercise-card").EvaluateAllAsync<int>("cards => cards.filter(c => c.dataset.targets.split('|').includes('calves')).length");
        Assert.InRange(matching, 1, total - 1);
        await Expect(visible).ToHaveCountAsync(matching);
        await Expect(page.Locator("#exercise-list .exercise-card:visible:not([data-targets*='calves'])")).ToHaveCountAsync(0);
        await Expect(page.Locator("#filter-status")).ToContainTextAsync($"Showing {matching} of {total}");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?target=calves$"));

        await page.GetByLabel("Level").SelectOptionAsync("beginner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show all" }).ClickAsync();
        await Expect(visible).ToHaveCountAsync(total);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Library_without_javascript_lists_every_card_and_hides_the_filters()
    {
        var (page, _) = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/exercises/?target=calves");
        var total = await page.Locator("#exercise-list .exercise-card").CountAsync();
        await Expect(page.Locator("#exercise-list .exercise-card:visible")).ToHaveCountAsync(total);
        await Expect(page.Locator("#exercise-filters")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Phone_menu_opens_and_navigates_without_the_desktop_bar()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync("/");
        await Expect(page.Locator(".nav-bar")).ToBeHiddenAsync();
        var link = page.Locator(".nav-menu a", new PageLocatorOptions { HasText = "Exercises" });
        await Expect(link).ToBeHiddenAsync();

        await page.Locator(".nav-menu summary").ClickAsync();
        await Expect(link).ToBeVisibleAsync();
        var box = await link.BoundingBoxAsync();
        Assert.True(box!.Height >= 24, $"menu link is only {box.Height}px high");

        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/exercises/$"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Exercise library");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Desktop_shows_the_navigation_bar_and_marks_the_current_section()
    {
        var (page, _) = await site.NewPageAsync(1280, 900);
        await page.GotoAsync("/exercises/glute-bridges/");
        await Expect(page.Locator(".nav-menu")).ToBeHiddenAsync();
        await Expect(page.Locator(".nav-bar a", new PageLocatorOptions { HasText = "Exercises" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator(".breadcrumbs li")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Printing_an_article_hides_navigation_and_the_sheet_button_prints_only_the_home_exercise_sheet()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync("/articles/runners-knee/");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator(".breadcrumbs")).ToBeHiddenAsync();
        await Expect(page.Locator(".prose")).ToBeVisibleAsync();
        await Expect(page.Locator("footer .disclaimer")).ToBeVisibleAsync();

        // The button calls window.print(); record the call instead of opening a print dialog.
        await page.EvaluateAsync("() => { window.print = () => { document.documentElement.dataset.printed = document.body.classList.contains('printing-sheet'); }; }");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GetByRole(AriaRole.Button, new() { Name = "Print home exercise sheet" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-printed", "true");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator(".prose")).ToBeHiddenAsync();
        // The sheet takes the place of the cards: every exercise of the page, with its steps.
        await Expect(page.Locator(".exercises .exercise-card").First).ToBeHiddenAsync();
        await Expect(page.Locator(".sheet-exercise")).ToHaveCountAsync(5);
        await Expect(page.Locator(".sheet-exercise").First.Locator(".steps li").First).ToBeVisibleAsync();
        Assert.Empty(errors);
    }
}
