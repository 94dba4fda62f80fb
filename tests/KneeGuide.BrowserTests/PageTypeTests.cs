using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KneeGuide.BrowserTests;

/// <summary>Each page type, loaded under netlify.toml's CSP: no console errors, no axe violations, light and dark.</summary>
[Collection(SiteCollection.Name)]
public sealed class PageTypeTests(SiteFixture site)
{
    public static TheoryData<string, string> PageTypes => new()
    {
        { "home", "/" },
        { "article", "/articles/runners-knee/" },
        { "mobility", "/mobility/mobility-101/" },
        { "exercise", "/exercises/glute-bridges/" },
        { "library", "/exercises/" },
        { "credits", "/credits/" },
        { "tags", "/tags/" },
        { "tag", "/tags/glutes/" },
        { "search", "/search/?q=knee" },
        { "404", "/404.html" },
        { "plan", "/plan/?e=heel-raises,clamshells,nope" },
        { "care cards", "/articles/knee-issues/" },
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Page_type_loads_without_console_errors_or_csp_violations(string kind, string url)
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, response!.Status);
        await Expect(page.Locator("main h1")).ToHaveCountAsync(1);
        await Expect(page.Locator("footer")).ToContainTextAsync("Medical disclaimer");
        Assert.True(errors.Count == 0, $"{kind} ({url}):\n" + string.Join("\n", errors));
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Page_type_has_no_axe_violations_in_light_and_dark_mode(string kind, string url)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var (page, _) = await site.NewPageAsync(1280, 900, scheme);
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
            });
            var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
            Assert.True(violations.Count == 0, $"{kind} ({url}, {scheme}):\n" + string.Join("\n", violations));
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Unknown_address_gets_the_404_page_with_status_404()
    {
        var (page, _) = await site.NewPageAsync();
        var response = await page.GotoAsync("/no-such-page/");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Page not found");
        await page.Context.CloseAsync();
    }
}
