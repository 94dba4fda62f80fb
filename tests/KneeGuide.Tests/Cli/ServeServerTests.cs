using System.Net.Http;
using System.Text;
using System.Text.Json;
using KneeGuide.Cli.Preview;
using KneeGuide.Site;

namespace KneeGuide.Tests.Cli;

/// <summary>The preview server over real loopback HTTP: what a browser (or an attacker on this machine) sees.</summary>
public sealed class ServeServerTests
{
    [Fact]
    public async Task Serves_only_the_site_with_the_reload_script_and_refuses_traversal_on_the_wire()
    {
        var parent = Path.Combine(Path.GetTempPath(), "kg-serve-" + Guid.NewGuid().ToString("N"));
        var root = Path.Combine(parent, "site");
        Directory.CreateDirectory(Path.Combine(root, "a"));
        File.WriteAllText(Path.Combine(root, "index.html"), "<html><body><p>home</p></body></html>");
        File.WriteAllText(Path.Combine(root, "a", "index.html"), "<html><body>a</body></html>");
        File.WriteAllText(Path.Combine(root, "404.html"), "<html><body>custom not found</body></html>");
        Directory.CreateDirectory(Path.Combine(root, "es"));
        File.WriteAllText(Path.Combine(root, "es", "404.html"), "<html><body>no encontrada</body></html>");
        File.WriteAllText(Path.Combine(root, "_redirects"), "/old/ /a/ 301\n/es/* /es/404.html 404\n");
        File.WriteAllText(Path.Combine(parent, "secret.txt"), "SECRET");
        var port = ServeTestSupport.FreePort();
        var site = new PreviewSite(new BuildOptions(Path.Combine(parent, "input"), root, Path.Combine(parent, "theme")));
        await using var server = new PreviewServer(site, port);
        server.Start();
        try
        {
            var home = await ServeTestSupport.RawGetAsync(port, "/");
            Assert.Equal(200, home.Status);
            Assert.Contains("<p>home</p><script src=\"/__kneeguide/live.js\" defer></script></body>", home.Body);
            Assert.Equal(301, (await ServeTestSupport.RawGetAsync(port, "/a")).Status);
            Assert.Equal(200, (await ServeTestSupport.RawGetAsync(port, "/a/")).Status);

            var missing = await ServeTestSupport.RawGetAsync(port, "/nowhere/");
            Assert.Equal(404, missing.Status);
            Assert.Contains("custom not found", missing.Body);
            // Under /es/, the language's own 404 page, by the site's _redirects as on Netlify.
            var spanish = await ServeTestSupport.RawGetAsync(port, "/es/nowhere/");
            Assert.Equal(404, spanish.Status);
            Assert.Contains("no encontrada", spanish.Body);
            Assert.Contains("custom not found", (await ServeTestSupport.RawGetAsync(port, "/esp/nowhere/")).Body);

            var script = await ServeTestSupport.RawGetAsync(port, "/__kneeguide/live.js");
            Assert.Equal(200, script.Status);
            Assert.Contains("EventSource", script.Body);

            foreach (var target in new[] { "/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%252e%252e/secret.txt", "/..\\secret.txt", "/a/../../secret.txt" })
            {
                var response = await ServeTestSupport.RawGetAsync(port, target);
                Assert.True(response.Status is 400 or 404, $"{target} gave {response.Status}");
                Assert.DoesNotContain("SECRET", response.Body);
            }
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_shows_drafts_marked_as_drafts_and_build_leaves_them_out()
    {
        var temp = ServeTestSupport.CopyDefaultSite();
        try
        {
            var input = Path.Combine(temp, "input");
            File.WriteAllText(Path.Combine(input, "articles", "knee-taping.md"), "---\ntitle: Knee taping\ndescription: D.\ndate: 2026-01-01\ndraft: true\n---\n\nText.\n");
            var options = KneeGuide.Cli.Commands.ServeCommand.PreviewOptions(new KneeGuide.Cli.Commands.ServeCommand.Settings { Input = input, Theme = ServeTestSupport.Theme });

            var preview = await SiteBuilder.BuildAsync(options);
            var built = await SiteBuilder.BuildAsync(new BuildOptions(input, Path.Combine(temp, "output"), ServeTestSupport.Theme));

            Assert.True(options.ShowDrafts);
            Assert.True(preview.Published && built.Published);
            Assert.Contains("draft-banner", File.ReadAllText(Path.Combine(options.Output, "articles", "knee-taping", "index.html")));
            Assert.False(File.Exists(Path.Combine(temp, "output", "articles", "knee-taping", "index.html")));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public async Task Localhost_works_as_well_as_127_0_0_1_and_other_host_names_are_refused()
    {
        var root = Path.Combine(Path.GetTempPath(), "kg-serve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "index.html"), "<html><body><p>home</p></body></html>");
        var port = ServeTestSupport.FreePort();
        var site = new PreviewSite(new BuildOptions(Path.Combine(root, "input"), root, Path.Combine(root, "theme")));
        await using var server = new PreviewServer(site, port);
        server.Start();
        try
        {
            Assert.Equal(200, (await ServeTestSupport.RawGetAsync(port, "/", $"localhost:{port}")).Status);
            Assert.Equal(200, (await ServeTestSupport.RawGetAsync(port, "/", $"127.0.0.1:{port}")).Status);
            // DNS rebinding: a page on another site whose name resolves to 127.0.0.1.
            var rebound = await ServeTestSupport.RawGetAsync(port, "/", $"evil.example:{port}");
            Assert.NotEqual(200, rebound.Status);
            Assert.DoesNotContain("home", rebound.Body);
            // Bound to loopback only: nothing answers on the machine's other addresses.
            var listening = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(e => e.Port == port).ToList();
            Assert.NotEmpty(listening);
            Assert.All(listening, e => Assert.True(System.Net.IPAddress.IsLoopback(e.Address), $"listening on {e.Address}"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_broken_edit_reports_errors_keeps_the_last_good_site_and_a_fix_reloads()
    {
        var temp = ServeTestSupport.CopyDefaultSite();
        var input = Path.Combine(temp, "input");
        var port = ServeTestSupport.FreePort();
        var site = new PreviewSite(new BuildOptions(input, Path.Combine(temp, ".kneeguide", "preview"), ServeTestSupport.Theme));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        Assert.True((await site.RebuildAsync(stop.Token)).Published);
        await using var server = new PreviewServer(site, port);
        server.Start();
        using var watcher = new SourceWatcher([input, ServeTestSupport.Theme]);
        var watching = watcher.RunAsync(_ => site.RebuildAsync(stop.Token), stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        try
        {
            await using var events = await http.GetStreamAsync("__kneeguide/events", stop.Token);
            using var reader = new StreamReader(events, Encoding.UTF8);
            await ReadEventAsync(reader, "hello", stop.Token);

            var article = Path.Combine(input, "articles", "runners-knee.md");
            var good = await File.ReadAllTextAsync(article, stop.Token);
            await File.WriteAllTextAsync(article, good.Replace("date: 2026-03-14", "date: 14 March"), stop.Token);
            await ReadEventAsync(reader, "errors", stop.Token);

            using var status = JsonDocument.Parse(await http.GetStringAsync("__kneeguide/status", stop.Token));
            Assert.False(status.RootElement.GetProperty("ok").GetBoolean());
            var text = status.RootElement.GetProperty("errors")[0].GetProperty("text").GetString();
            Assert.Matches(@"articles/runners-knee\.md:4:7: error KG1104: 'date' must be an ISO date", text);
            var stillServed = await http.GetAsync("articles/runners-knee/", stop.Token);
            Assert.Equal(200, (int)stillServed.StatusCode);

            await File.WriteAllTextAsync(article, good, stop.Token);
            await ReadEventAsync(reader, "reload", stop.Token);
            using var fixedStatus = JsonDocument.Parse(await http.GetStringAsync("__kneeguide/status", stop.Token));
            Assert.True(fixedStatus.RootElement.GetProperty("ok").GetBoolean());
        }
        finally
        {
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
            Directory.Delete(temp, recursive: true);
        }
    }

    private static async Task ReadEventAsync(StreamReader reader, string name, CancellationToken token)
    {
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (line == $"event: {name}")
            {
                return;
            }
        }

        Assert.Fail($"event stream ended before '{name}'");
    }
}
