using Microsoft.Playwright;

namespace KneeGuide.BrowserTests;

/// <summary>What a reader does: search, filter the library, use the menu on a phone, print a sheet.</summary>
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
        await result.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal("/exercises/glute-bridges/", await result.GetAttributeAsync("href"));
        Assert.Contains("q=glute%20bri", page.Url);

        await result.ClickAsync();
        await page.WaitForURLAsync("**/exercises/glute-bridges/");
        Assert.Equal("Glute bridges", await page.Locator("main h1").InnerTextAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_for_an_unknown_word_says_nothing_matches()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync("/search/?q=zzyzx");
        await page.Locator(".search-status").WaitForAsync();
        Assert.Contains("No pages match", await page.Locator(".search-status").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".search-results li").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_finds_an_article_by_body_text_only_it_contains()
    {
        var (page, _) = await site.NewPageAsync();
        await page.GotoAsync("/search/?q=patellofemoral");
        await page.Locator(".search-results li").First.WaitForAsync();
        var hrefs = await page.Locator(".search-results a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains("/articles/runners-knee/", hrefs);
        Assert.DoesNotContain("/exercises/calf-stretch/", hrefs);
    }

    [Fact]
    public async Task Library_filters_show_only_matching_cards_and_reset_shows_all()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync("/exercises/");
        var cards = page.Locator("#exercise-list .exercise-card");
        var total = await cards.CountAsync();
        Assert.True(total >= 10, $"expected the whole library, got {total} cards");

        await page.GetByLabel("Works").SelectOptionAsync("calves");
        var visible = page.Locator("#exercise-list .exercise-card:visible");
        var shown = await visible.CountAsync();
        Assert.InRange(shown, 1, total - 1);
        foreach (var targets in await visible.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.targets)"))
        {
            Assert.Contains("calves", targets.Split('|'));
        }

        Assert.Contains($"Showing {shown} of {total}", await page.Locator("#filter-status").InnerTextAsync());
        Assert.EndsWith("?target=calves", page.Url);

        await page.GetByLabel("Level").SelectOptionAsync("beginner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show all" }).ClickAsync();
        await Assertions.Expect(visible).ToHaveCountAsync(total);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Library_without_javascript_lists_every_card_and_hides_the_filters()
    {
        var (page, _) = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/exercises/?target=calves");
        var cards = page.Locator("#exercise-list .exercise-card");
        Assert.Equal(await cards.CountAsync(), await page.Locator("#exercise-list .exercise-card:visible").CountAsync());
        Assert.False(await page.Locator("#exercise-filters").IsVisibleAsync());
    }

    [Fact]
    public async Task Phone_menu_opens_and_navigates_without_the_desktop_bar()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync("/");
        Assert.False(await page.Locator(".nav-bar").IsVisibleAsync());
        var link = page.Locator(".nav-menu a", new PageLocatorOptions { HasText = "Exercises" });
        Assert.False(await link.IsVisibleAsync());

        await page.Locator(".nav-menu summary").ClickAsync();
        Assert.True(await link.IsVisibleAsync());
        var box = await link.BoundingBoxAsync();
        Assert.True(box!.Height >= 24, $"menu link is only {box.Height}px high");

        await link.ClickAsync();
        await page.WaitForURLAsync("**/exercises/");
        Assert.Equal("Exercise library", await page.Locator("main h1").InnerTextAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Desktop_shows_the_navigation_bar_and_marks_the_current_section()
    {
        var (page, _) = await site.NewPageAsync(1280, 900);
        await page.GotoAsync("/exercises/glute-bridges/");
        Assert.False(await page.Locator(".nav-menu").IsVisibleAsync());
        Assert.Equal("page", await page.Locator(".nav-bar a", new PageLocatorOptions { HasText = "Exercises" }).GetAttributeAsync("aria-current"));
        Assert.Equal(3, await page.Locator(".breadcrumbs li").CountAsync());
    }

    [Fact]
    public async Task Printing_an_article_hides_navigation_and_the_sheet_button_prints_only_the_exercises()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync("/articles/runners-knee/");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await page.Locator(".breadcrumbs").IsVisibleAsync());
        Assert.True(await page.Locator(".prose").IsVisibleAsync());
        Assert.True(await page.Locator("footer .disclaimer").IsVisibleAsync());

        // The button calls window.print(); record the call instead of opening a print dialog.
        await page.EvaluateAsync("() => { window.print = () => { window.__printed = document.body.classList.contains('printing-sheet'); }; }");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.GetByRole(AriaRole.Button, new() { Name = "Print home exercise sheet" }).ClickAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__printed === true"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator(".prose").IsVisibleAsync());
        Assert.True(await page.Locator(".exercises .exercise-card").First.IsVisibleAsync());
        Assert.Empty(errors);
    }
}
