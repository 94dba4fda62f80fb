using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KneeGuide.BrowserTests;

/// <summary>
/// A reader in another language: the switcher takes them to the same page in theirs and back, and a
/// right-to-left page is laid out from the right.
/// </summary>
[Collection(LanguagesSiteCollection.Name)]
public sealed class LanguageTests(LanguagesSiteFixture site)
{
    [Fact]
    public async Task The_language_switcher_goes_to_the_same_page_in_the_other_language_and_back()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync(LanguagesSiteFixture.EnglishPage);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.Locator(".language-switcher").GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Server.BaseUrl.TrimEnd('/') + LanguagesSiteFixture.SpanishPage);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("h1")).ToHaveTextAsync("La rodilla del corredor");
        await Expect(page.Locator(".site-nav .nav-bar a").First).ToHaveTextAsync("Artículos");

        await page.Locator(".language-switcher").GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Server.BaseUrl.TrimEnd('/') + LanguagesSiteFixture.EnglishPage);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_switcher_of_a_generated_page_goes_to_that_page_in_the_other_language()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync("/exercises/");
        await page.Locator(".language-switcher").GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Server.BaseUrl.TrimEnd('/') + "/es/exercises/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Biblioteca de ejercicios");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_missing_address_under_a_language_shows_its_404_page_with_status_404()
    {
        var (page, errors) = await site.NewPageAsync();
        var response = await page.GotoAsync("/es/no-such-page/");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Página no encontrada");
        await Expect(page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "la biblioteca de ejercicios" })).ToHaveAttributeAsync("href", "/es/exercises/");
        // The console reports the page's own 404; a missing stylesheet or script would be an "HTTP 404" entry.
        Assert.DoesNotContain(errors, e => !e.StartsWith("console error: Failed to load resource: the server responded with a status of 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_programme_builder_in_another_language_shows_its_exercises_and_words()
    {
        var (page, errors) = await site.NewPageAsync();
        await page.GotoAsync("/es/plan/?e=glute-bridges");
        var item = page.Locator("#plan-list li").First;
        await Expect(item.Locator(".plan-item-title a")).ToHaveTextAsync("1. Puente de glúteos");
        await Expect(item.Locator(".plan-item-title a")).ToHaveAttributeAsync("href", "/es/exercises/glute-bridges/");
        await Expect(item.Locator("[data-for=sets]")).ToHaveTextAsync("Series");
        await Expect(page.Locator(".sheet-exercise[data-id=glute-bridges] [data-dose]")).ToContainTextAsync("repeticiones");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_right_to_left_page_is_laid_out_from_the_right()
    {
        var (page, errors) = await site.NewPageAsync(1280, 900);
        await page.GotoAsync(LanguagesSiteFixture.ArabicPage);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");

        // The brand sits at the right edge, the first nav item right of the second and the first
        // breadcrumb right of the last: polled until laid out, never read once after loading.
        await page.WaitForFunctionAsync("""
            () => {
              const width = document.documentElement.clientWidth;
              const brand = document.querySelector(".brand").getBoundingClientRect();
              const nav = [...document.querySelectorAll(".nav-bar li")].map(li => li.getBoundingClientRect());
              const crumbs = [...document.querySelectorAll(".breadcrumbs li")].map(li => li.getBoundingClientRect());
              return brand.right > width * 0.75 && brand.left > width / 2
                && nav.length > 1 && nav[0].left > nav[1].right - 1 && nav[0].right < brand.left
                && crumbs.length > 1 && crumbs[0].left > crumbs[crumbs.length - 1].right - 1 && crumbs[0].right > width * 0.75;
            }
            """);

        // The same page in English is laid out from the left.
        await page.GotoAsync(LanguagesSiteFixture.EnglishPage);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await page.WaitForFunctionAsync("""
            () => {
              const width = document.documentElement.clientWidth;
              const brand = document.querySelector(".brand").getBoundingClientRect();
              const crumbs = [...document.querySelectorAll(".breadcrumbs li")].map(li => li.getBoundingClientRect());
              return brand.left < width / 4 && crumbs.length > 1 && crumbs[0].right < crumbs[crumbs.length - 1].left + 1;
            }
            """);
        Assert.Empty(errors);
    }
}
