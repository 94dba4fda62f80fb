using System.Text.RegularExpressions;
using KneeGuide.Cli.Commands;
using KneeGuide.Cli.Preview;
using KneeGuide.Site;
using KneeGuide.Site.Cms;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KneeGuide.BrowserTests;

/// <summary>
/// The web editor as a clinician uses it with `serve`: /admin/ on the preview, signed in to the local
/// backend with no account, a new exercise made in the form and saved. What the form can check
/// (required fields, a pattern) is stopped in the form; what only the build knows (an exercise needs
/// reps or hold_seconds) shows in the preview's error overlay after saving, and goes away when the
/// editor fixes it; the file is in input/exercises/, the site builds and the library lists it. The
/// CMS runs under the /admin/ Content-Security-Policy with every request off this machine refused.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class WebEditorTests(SiteFixture fixture) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kneeguide-editor-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly CancellationTokenSource _stop = new();
    private PreviewServer? _server;
    private SourceWatcher? _watcher;
    private Task? _watching;

    private string Input => Path.Combine(_root, "input");

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The clinic's site (changed by <paramref name="prepare"/>) and the CMS bundle, as npm ci leaves it beside the input folder, in a temporary folder, served by `serve`.</summary>
    private async Task StartAsync(Action<string>? prepare = null)
    {
        Copy(Path.Combine(SiteFixture.RepositoryRoot, "input"), Input);
        prepare?.Invoke(Input);
        var bundle = CmsBundle.Find(SiteFixture.RepositoryRoot)
            ?? throw new InvalidOperationException($"The web editor test needs the CMS bundle: run 'npm ci' in {SiteFixture.RepositoryRoot} (.ci/run does)");
        var dist = Path.Combine(_root, CmsBundle.Folder);
        Directory.CreateDirectory(dist);
        foreach (var (name, path) in bundle)
        {
            File.Copy(path, Path.Combine(dist, name));
        }

        var port = FreePort();
        var site = new PreviewSite(ServeCommand.PreviewOptions(new ServeCommand.Settings { Input = Input, Theme = Path.Combine(SiteFixture.RepositoryRoot, "theme") }, port));
        var first = await site.RebuildAsync(_stop.Token);
        Assert.True(first.Published, string.Join("\n", first.Diagnostics));
        _server = new PreviewServer(site, port, ServeCommand.Backend(Input));
        _server.Start();
        _watcher = new SourceWatcher([Input]);
        _watching = _watcher.RunAsync(changed => site.RebuildAsync(changed, _stop.Token), _stop.Token);
    }

    [Fact]
    public async Task A_new_exercise_made_in_the_form_is_saved_into_input_builds_and_is_in_the_library()
    {
        await StartAsync();
        SetDefaultExpectTimeout(30_000); // the CMS bundle takes several seconds to start on a busy machine
        var origin = _server!.Url.TrimEnd('/');
        var offMachine = new List<string>();
        var violations = new List<string>();
        var context = await NewContextAsync(origin, offMachine);

        // The library, open in its own tab: it reloads by itself after each rebuild.
        var library = await context.NewPageAsync();
        await library.GotoAsync(origin + "/exercises/");
        await Expect(library.Locator("#exercise-list .exercise-card").First).ToBeVisibleAsync();

        var editor = await context.NewPageAsync();
        editor.Console += (_, message) =>
        {
            if (message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        var admin = await editor.GotoAsync(origin + "/admin/");
        Assert.Equal(AdminPage.ContentSecurityPolicy, await admin!.HeaderValueAsync("content-security-policy"));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
        await Expect(editor.GetByText("Exercises").First).ToBeVisibleAsync();
        await editor.GotoAsync(origin + "/admin/#/collections/exercises/new");
        var title = editor.Locator("[id^='title-field']");
        await Expect(title).ToBeVisibleAsync();

        // Required fields are stopped in the form.
        await PublishAsync(editor);
        await Expect(editor.GetByText(new Regex("title is required", RegexOptions.IgnoreCase)).First).ToBeVisibleAsync();

        await title.FillAsync("Wall slides");
        await editor.Locator("[id^='summary-field']").FillAsync("Strengthens the quads and glutes with the back supported by a wall.");
        await PickAsync(editor, "targets", "quads");
        await PickAsync(editor, "targets", "glutes");
        await PickAsync(editor, "difficulty", "intermediate");
        await editor.Locator("[id^='sets-field']").FillAsync("3");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add steps" }).ClickAsync();
        await editor.Locator("[id^='step-field']").Last.FillAsync("Stand with your back flat against a wall, feet a stride in front of you.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add steps" }).ClickAsync();
        await editor.Locator("[id^='step-field']").Last.FillAsync("Slide **slowly** down until your knees bend to about 45 degrees, then back up.");

        // A pattern from the model (Dosage.Reps) is stopped in the form too.
        var reps = editor.Locator("[id^='reps-field']");
        await reps.FillAsync("lots");
        await PublishAsync(editor);
        await Expect(editor.GetByText(new Regex("a number of repetitions or a range", RegexOptions.IgnoreCase)).First).ToBeVisibleAsync();

        // "reps or hold_seconds" is beyond the form: saved, then shown by the preview's overlay.
        await reps.ClickAsync();
        await editor.Keyboard.PressAsync("Control+A");
        await editor.Keyboard.PressAsync("Backspace");
        await Expect(reps).ToHaveValueAsync("");
        await PublishAsync(editor);
        await Expect(editor.GetByText(new Regex("entry saved", RegexOptions.IgnoreCase)).First).ToBeVisibleAsync();
        var saved = Path.Combine(Input, "exercises", "wall-slides.md");
        await Expect(library.Locator("#kneeguide-preview-errors")).ToContainTextAsync("KG1101");
        await Expect(library.Locator("#kneeguide-preview-errors")).ToContainTextAsync("exercises/wall-slides.md");

        await reps.FillAsync("8-12");
        await PublishAsync(editor);
        await Expect(library.Locator("#kneeguide-preview-errors")).ToHaveCountAsync(0);
        await Expect(library.Locator("#exercise-list a[href='/exercises/wall-slides/']").First).ToBeVisibleAsync();

        // The file the form wrote: front matter the build accepts, as `build` publishes it.
        var text = await File.ReadAllTextAsync(saved);
        Assert.StartsWith("---\ntitle: Wall slides\n", text);
        Assert.Contains("reps: 8-12", text);
        Assert.DoesNotContain("\"\"", text);
        var output = Path.Combine(_root, "output");
        var built = await SiteBuilder.BuildAsync(new BuildOptions(Input, output, Path.Combine(SiteFixture.RepositoryRoot, "theme")));
        Assert.True(built.Published, string.Join("\n", built.Diagnostics));
        Assert.Empty(built.Diagnostics);
        Assert.Contains("href=\"/exercises/wall-slides/\"", await File.ReadAllTextAsync(Path.Combine(output, "exercises", "index.html")));

        Assert.Empty(violations);
        Assert.Empty(offMachine);
        await context.CloseAsync();
    }

    /// <summary>
    /// The clinic's site in English and Spanish: the Spanish of heel raises opened in "Exercises (Español)",
    /// its form only the words (no sets, reps, side: they are the original's), its title changed and
    /// saved. The file written is heel-raises.es.md beside the untouched original, with only the keys
    /// of a translation, and the site builds without errors with the new title on the Spanish page.
    /// The English list shows the translation as well, and its filter leaves it out.
    /// </summary>
    [Fact]
    public async Task A_translation_opened_in_its_languages_collection_is_saved_with_only_its_words()
    {
        var original = Path.Combine(SiteFixture.RepositoryRoot, "input", "exercises", "heel-raises.md");
        // The clinic's own site is in English and Spanish (input/site.yml), heel raises translated.
        await StartAsync();
        SetDefaultExpectTimeout(30_000);
        var origin = _server!.Url.TrimEnd('/');
        var offMachine = new List<string>();
        var context = await NewContextAsync(origin, offMachine);

        // The Spanish page, open in its own tab: it reloads by itself after each rebuild.
        var spanish = await context.NewPageAsync();
        await spanish.GotoAsync(origin + "/es/exercises/heel-raises/");
        await Expect(spanish.Locator("h1")).ToContainTextAsync("Elevaciones de talón a una pierna");

        var editor = await context.NewPageAsync();
        await editor.GotoAsync(origin + "/admin/");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
        await Expect(editor.GetByText("Exercises (Español)").First).ToBeVisibleAsync();
        await editor.GotoAsync(origin + "/admin/#/collections/exercises-es/entries/heel-raises");
        var title = editor.Locator("[id^='title-field']");
        await Expect(title).ToHaveValueAsync("Elevaciones de talón a una pierna");
        await Expect(editor.Locator("[id^='frequency-field']")).ToHaveValueAsync("3 veces por semana");
        await Expect(editor.Locator("[id^='sets-field']")).ToHaveCountAsync(0);
        await Expect(editor.Locator("[id^='targets-field']")).ToHaveCountAsync(0);

        await title.FillAsync("Elevaciones de talón con una pierna");
        await PublishAsync(editor);
        await Expect(editor.GetByText(new Regex("entry saved", RegexOptions.IgnoreCase)).First).ToBeVisibleAsync();
        await Expect(spanish.Locator("h1")).ToContainTextAsync("Elevaciones de talón con una pierna");
        await Expect(spanish.Locator("#kneeguide-preview-errors")).ToHaveCountAsync(0);

        // The English list shows the translation too (Decap lists every .md file of the folder); its filter leaves it out.
        await editor.GotoAsync(origin + "/admin/#/collections/exercises");
        await Expect(editor.GetByText("Elevaciones de talón con una pierna").First).ToBeVisibleAsync();
        await editor.GetByText("Filter by", new() { Exact = true }).ClickAsync();
        await editor.GetByText("Only English, no translations").ClickAsync();
        await Expect(editor.GetByText("Elevaciones de talón con una pierna")).ToHaveCountAsync(0);
        await Expect(editor.GetByText("Single-leg heel raises").First).ToBeVisibleAsync();

        // What the editor wrote: the translation's keys only, beside the original it left alone.
        Assert.Equal(await File.ReadAllBytesAsync(original), await File.ReadAllBytesAsync(Path.Combine(Input, "exercises", "heel-raises.md")));
        var saved = await File.ReadAllTextAsync(Path.Combine(Input, "exercises", "heel-raises.es.md"));
        var frontMatter = saved.Split("---\n")[1];
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(frontMatter));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
        var keys = root.Children.Keys.Select(k => k.ToString()).ToList();
        Assert.Equal("Elevaciones de talón con una pierna", root["title"].ToString());
        Assert.Subset(KneeGuide.Site.Content.Translations.KeysOf(typeof(KneeGuide.Site.Content.ExerciseTranslationFrontMatter)).ToHashSet(), keys.ToHashSet());
        Assert.Equal(["frequency"], ((YamlDotNet.RepresentationModel.YamlMappingNode)root["dosage"]).Children.Keys.Select(k => k.ToString()));
        Assert.DoesNotContain("\"\"", frontMatter);

        var output = Path.Combine(_root, "output");
        var built = await SiteBuilder.BuildAsync(new BuildOptions(Input, output, Path.Combine(SiteFixture.RepositoryRoot, "theme")));
        Assert.True(built.Published, string.Join("\n", built.Diagnostics));
        Assert.DoesNotContain(built.Diagnostics, d => d.Severity == KneeGuide.Core.Severity.Error);
        Assert.Contains("Elevaciones de talón con una pierna", await File.ReadAllTextAsync(Path.Combine(output, "es", "exercises", "heel-raises", "index.html")));
        Assert.Empty(offMachine);
        await context.CloseAsync();
    }

    /// <summary>A browser context that lets through only this machine's preview, data: and blob: URLs (the others are recorded and refused).</summary>
    private async Task<IBrowserContext> NewContextAsync(string origin, List<string> offMachine)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        context.SetDefaultTimeout(30_000);
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(origin + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            lock (offMachine)
            {
                offMachine.Add(url);
            }

            await route.AbortAsync();
        });
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.log('CSP violation: ' + e.effectiveDirective + ' ' + e.blockedURI));");
        return context;
    }

    private static async Task PublishAsync(IPage editor)
    {
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await editor.GetByText("Publish now").ClickAsync();
    }

    /// <summary>Picks an option of a select field (react-select): type to filter, Enter to choose.</summary>
    private static async Task PickAsync(IPage editor, string field, string option)
    {
        await editor.Locator($"[id^='{field}-field']").ClickAsync();
        await editor.Keyboard.TypeAsync(option);
        await editor.Keyboard.PressAsync("Enter");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_watching is not null)
        {
            try
            {
                await _watching;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _watcher?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _stop.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
