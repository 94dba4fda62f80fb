using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using KneeGuide.Site;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KneeGuide.BrowserTests;

/// <summary>
/// What a clinician and a patient do with a home programme: build one at /plan/ on a phone, open it
/// again without signal, and print sheets to PDF (read back with pdftotext) on A4 and US Letter.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class ProgrammeTests(SiteFixture site)
{
    [Fact]
    public async Task The_builder_at_phone_width_orders_doses_and_shares_a_programme_kept_in_the_address()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync("/plan/?e=clamshells,no-such-exercise,heel-raises&s.heel-raises=99&note=Twice%20a%20day");

        // An unknown id is named, never a broken page; an impossible dose falls back to the exercise's.
        await Expect(page.Locator("#plan-unknown")).ToContainTextAsync("no-such-exercise");
        var items = page.Locator("#plan-list > li");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0).Locator("h3")).ToHaveTextAsync("1. Clamshells");
        await Expect(items.Nth(1).GetByLabel("Sets")).ToHaveValueAsync("3");
        await Expect(page.GetByLabel("Note (printed on the sheet)")).ToHaveValueAsync("Twice a day");

        // Tick an exercise in the list, then order it with the keyboard.
        await page.GetByLabel("Pelvic drops").CheckAsync();
        await Expect(items).ToHaveCountAsync(3);
        await Expect(page).ToHaveURLAsync(new Regex(@"\?e=clamshells,heel-raises,pelvic-drops&"));
        var up = page.GetByRole(AriaRole.Button, new() { Name = "Move up: Pelvic drops" });
        await up.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"\?e=clamshells,pelvic-drops,heel-raises&"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move up: Pelvic drops" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"\?e=pelvic-drops,clamshells,heel-raises&"));

        // Change a dose and the note: the address (and the share box) follow.
        var sets = items.Nth(2).GetByLabel("Sets");
        await sets.FillAsync("2");
        await sets.PressAsync("Tab");
        await Expect(page).ToHaveURLAsync(new Regex(@"s\.heel-raises=2"));
        await page.GetByLabel("Note (printed on the sheet)").FillAsync("See you in 2 weeks");
        await Expect(page).ToHaveURLAsync(new Regex(@"note=See\+you\+in\+2\+weeks"));
        await Expect(page.GetByLabel("Link to this programme")).ToHaveValueAsync(new Regex(@"/plan/\?e=pelvic-drops,clamshells,heel-raises&s\.heel-raises=2&note="));

        // Swap an exercise for its harder version, offered from its easier/harder list.
        await items.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Side-lying leg raises" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?e=pelvic-drops,side-lying-leg-raises,heel-raises&"));
        await Expect(page.GetByLabel("Clamshells")).Not.ToBeCheckedAsync();

        // Remove, and the page still fits the phone's width.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove: Pelvic drops" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(2);
        await Expect(page.Locator("html")).ToHaveJSPropertyAsync("scrollWidth", 390);

        // The printed sheet has the programme's exercises, in its order, with the changed dose and the note.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var shown = page.Locator(".sheet-exercise:visible");
        await Expect(shown).ToHaveCountAsync(2);
        await Expect(shown.Nth(0)).ToHaveAttributeAsync("data-id", "side-lying-leg-raises");
        await Expect(shown.Nth(1).Locator("h3")).ToHaveTextAsync("2. Single-leg heel raises");
        await Expect(shown.Nth(1).Locator("[data-dose]")).ToHaveTextAsync("2 × 10-15 reps, each side, 3 times a week");
        await Expect(page.Locator(".sheet-note")).ToHaveTextAsync("See you in 2 weeks");
        await Expect(page.Locator(".plan")).ToBeHiddenAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_programme_given_markup_in_its_address_shows_it_as_text()
    {
        var (page, errors) = await site.NewPageAsync(390, 844);
        await page.GotoAsync("/plan/?e=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,heel-raises&f.heel-raises=%3Cb%3Edaily%3C%2Fb%3E&note=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        await Expect(page.Locator("#plan-unknown")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        await Expect(page.Locator("#plan-list img, #plan-unknown img, .sheet-note script, .sheet b")).ToHaveCountAsync(0);
        await Expect(page.Locator("#plan-list > li").First.GetByLabel("How often")).ToHaveValueAsync("<b>daily</b>");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task An_opened_programme_reloads_without_signal_from_the_service_worker()
    {
        // A server of its own, stopped to take the signal away: nothing can answer but the cache.
        using var server = new StaticSiteServer(site.Server.Root, StaticSiteServer.NetlifyHeaders(Path.Combine(SiteFixture.RepositoryRoot, "netlify.toml")));
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, BaseURL = server.BaseUrl });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/plan/?e=heel-raises,glute-bridges&note=Before%20your%20run");
        await Expect(page.Locator("#plan-builder")).ToHaveAttributeAsync("data-offline-ready", "true");

        server.Dispose();
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();

        await Expect(page.Locator("main h1")).ToHaveTextAsync("Home exercise programme");
        await Expect(page.Locator("#plan-list > li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#plan-list > li h3").First).ToHaveTextAsync("1. Single-leg heel raises");
        await Expect(page.GetByLabel("Note (printed on the sheet)")).ToHaveValueAsync("Before your run");
        // The style and the pictures came from the cache too.
        await Expect(page.Locator(".site-header")).ToHaveCSSAsync("background-color", "rgb(10, 86, 86)");
        await Expect(page.Locator(".sheet-exercise[data-id='heel-raises'] img")).ToHaveJSPropertyAsync("complete", true);
        await Expect(page.Locator(".sheet-exercise[data-id='heel-raises'] img")).Not.ToHaveJSPropertyAsync("naturalWidth", 0);
        await context.CloseAsync();
    }

    public static TheoryData<string, string, string> Sheets => new()
    {
        { "A4", "/exercises/pelvic-drops/", "page" },
        { "Letter", "/exercises/pelvic-drops/", "page" },
        { "A4", "/articles/runners-knee/", "button" },
        { "Letter", "/articles/runners-knee/", "button" },
        { "A4", "/plan/?e=heel-raises,wall-sits,calf-stretch", "page" },
        { "Letter", "/plan/?e=heel-raises,wall-sits,calf-stretch", "page" },
    };

    /// <summary>
    /// Prints a sheet to PDF in Chromium and reads it back with pdftotext: every step and caution of
    /// every exercise on it, the pain scale and rule, the notes and the disclaimer are in the text,
    /// every word lies inside the paper, and the sheet takes one or two pages.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sheets))]
    public async Task A_printed_sheet_has_every_step_and_caution_and_nothing_cut_off(string paper, string url, string how)
    {
        var (page, errors) = await site.NewPageAsync(1280, 900);
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        if (how == "button")
        {
            await page.EvaluateAsync("() => { window.print = () => {}; }");
            await page.GetByRole(AriaRole.Button, new() { Name = "Print home exercise sheet" }).ClickAsync();
            await Expect(page.Locator("body")).ToHaveClassAsync(new Regex("printing-sheet"));
        }

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var ids = await page.Locator(".sheet-exercise:visible").EvaluateAllAsync<string[]>("blocks => blocks.map(b => b.dataset.id)");
        Assert.NotEmpty(ids);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = paper, PrintBackground = false, PreferCSSPageSize = false });
        var (text, words, pages, width, height) = ReadPdf(pdf);
        var flat = Regex.Replace(text, @"\s+", " ");

        foreach (var id in ids)
        {
            var exercise = File.ReadAllText(Path.Combine(SiteFixture.RepositoryRoot, "input", "exercises", id + ".md"));
            foreach (Match item in ListItem().Matches(exercise))
            {
                var words5 = string.Join(' ', Regex.Replace(item.Groups[1].Value.Replace("**", ""), @"^Stop if\s*", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5));
                Assert.True(flat.Contains(words5, StringComparison.Ordinal), $"{paper} {url}: '{words5}' ({id}) is not in the printed text:\n{text}");
            }
        }

        foreach (var expected in new[] { "Your home exercise sheet", "Check your pain", "0 1 2 3 4 5 6 7 8 9 10", "settled by the next morning", "Notes from your physiotherapist", "Medical disclaimer", "feverish or unwell." })
        {
            Assert.True(flat.Contains(expected, StringComparison.Ordinal), $"{paper} {url}: '{expected}' is not in the printed text:\n{text}");
        }

        Assert.DoesNotContain("Skip to content", flat, StringComparison.Ordinal);
        Assert.InRange(pages, 1, 2);
        var outside = words.Where(w => w.XMin < 1 || w.YMin < 1 || w.XMax > width - 1 || w.YMax > height - 1).Select(w => w.Text).ToList();
        Assert.True(outside.Count == 0, $"{paper} {url}: words at the paper's edge: {string.Join(' ', outside)}");
        Assert.Empty(errors);
    }

    private static (string Text, List<(string Text, double XMin, double YMin, double XMax, double YMax)> Words, int Pages, double Width, double Height) ReadPdf(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kneeguide-sheet-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var text = Run("-layout", file, "-");
            var bbox = Run("-bbox", file, "-");
            var pages = PageBox().Matches(bbox);
            var words = Word().Matches(bbox).Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[5].Value), D(m, 1), D(m, 2), D(m, 3), D(m, 4))).ToList();
            return (text, words, pages.Count, D(pages[0], 1), D(pages[0], 2));
        }
        finally
        {
            File.Delete(file);
        }

        static double D(Match m, int group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
    }

    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The print tests read PDFs back with pdftotext: apt-get install -y poppler-utils (.ci/run does this)", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            return output;
        }
    }

    /// <summary>A step or caution in an exercise's front matter: <c>  - "text"</c>.</summary>
    [GeneratedRegex("""(?m)^  - "(.+)"\s*$""")]
    private static partial Regex ListItem();

    [GeneratedRegex("""<page width="([\d.]+)" height="([\d.]+)">""")]
    private static partial Regex PageBox();

    [GeneratedRegex("""<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>""")]
    private static partial Regex Word();
}
