using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KneeGuide.BrowserTests;

/// <summary>
/// What a reader on a phone gets from photos and videos: a copy sized for the screen, a page that
/// does not move as pictures load, a YouTube player that loads only when pressed (and nothing from
/// YouTube before that), and captions on the clinic's own clip.
/// </summary>
[Collection(MediaSiteCollection.Name)]
public sealed class MediaTests(MediaSiteFixture site)
{
    [Fact]
    public async Task A_phone_gets_a_copy_of_the_photo_at_most_twice_as_wide_as_its_screen()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync(MediaSiteFixture.PhotoPage);
        var first = page.Locator("figure.figure img").First;
        await Expect(first).ToHaveJSPropertyAsync("complete", true);
        // Once loaded, the copy the browser chose is fixed: read it.
        var currentSrc = await first.EvaluateAsync<string>("img => img.currentSrc");
        Assert.Matches(@"/images/gym-1\.jpg\.\d+w\.webp$", currentSrc);
        var width = int.Parse(System.Text.RegularExpressions.Regex.Match(currentSrc, @"\.(\d+)w\.").Groups[1].Value);
        Assert.True(width <= 2 * 390, $"{currentSrc} is {width} px wide for a 390 px screen");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_page_does_not_move_while_its_photos_load()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.AddInitScriptAsync("""
            window.__shift = 0;
            new PerformanceObserver(list => {
              for (const entry of list.getEntries()) { if (!entry.hadRecentInput) window.__shift += entry.value; }
            }).observe({ type: "layout-shift", buffered: true });
            """);
        await page.GotoAsync(MediaSiteFixture.PhotoPage);
        // Scroll to the end so the lazy photos load, then wait until every image has loaded.
        await page.Locator("figure.figure img").Last.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");

        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.__shift"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_youtube_player_loads_only_when_pressed_and_the_csp_allows_it()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        var thirdParty = new List<string>();
        // No test touches the network: any request off loopback is answered here, and recorded.
        await page.Context.RouteAsync(url => !url.StartsWith(site.Server.BaseUrl, StringComparison.Ordinal), async route =>
        {
            lock (thirdParty)
            {
                thirdParty.Add(route.Request.Url);
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>player</title><p>player</p>" });
        });
        await page.GotoAsync(MediaSiteFixture.PhotoPage);
        var facade = page.Locator(".video-facade-link");
        await Expect(facade).ToContainTextAsync("Why training load matters");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(thirdParty);
        Assert.Equal(0, await page.Locator("iframe").CountAsync());

        await facade.ClickAsync();

        var player = page.Locator(".video-facade iframe");
        await Expect(player).ToHaveAttributeAsync("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
        await Expect(player).ToHaveAttributeAsync("title", "Why training load matters");
        // The player's page (answered by the route above) shows inside the frame: the CSP let it in.
        await Expect(page.FrameLocator(".video-facade iframe").Locator("p")).ToHaveTextAsync("player");
        Assert.All(thirdParty, url => Assert.StartsWith("https://www.youtube-nocookie.com/", url));
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_clinics_demonstration_clip_has_captions_and_does_not_load_before_play()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync("/exercises/heel-raises/");
        var video = page.Locator("#video video");
        await Expect(video).ToHaveAttributeAsync("preload", "none");
        await Expect(video.Locator("track[kind=captions]")).ToHaveAttributeAsync("src", "/videos/heel-raise-demo.vtt");
        await page.WaitForFunctionAsync("() => document.querySelector('#video video').textTracks.length === 1 && document.querySelector('#video video').textTracks[0].kind === 'captions'");
        Assert.False(await video.EvaluateAsync<bool>("v => v.autoplay"));
        Assert.Empty(errors);
    }
}
