using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using KneeGuide.Cli.Commands;
using KneeGuide.Cli.Preview;
using KneeGuide.Site;
using KneeGuide.Site.Cms;
using KneeGuide.Tests.Cli;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Cms;

/// <summary>Decap's local_backend protocol as `serve` answers it: each action, and every path it must refuse.</summary>
public sealed class LocalBackendTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly LocalBackend _backend;

    public LocalBackendTests()
    {
        _backend = ServeCommand.Backend(_site.InputDir);
    }

    public void Dispose() => _site.Dispose();

    private (int Status, JsonNode? Body) Post(string action, JsonObject? parameters = null)
    {
        var request = new JsonObject { ["branch"] = "main", ["action"] = action };
        if (parameters is not null)
        {
            request["params"] = parameters;
        }

        var (status, body) = _backend.Handle(Encoding.UTF8.GetBytes(request.ToJsonString()));
        return (status, JsonNode.Parse(body));
    }

    private string Error(string action, JsonObject parameters)
    {
        var (status, body) = Post(action, parameters);
        Assert.Equal(422, status);
        return body!["error"]!.GetValue<string>();
    }

    [Fact]
    public void Info_says_local_files_saved_in_place()
    {
        var (status, body) = Post("info");
        Assert.Equal(200, status);
        Assert.Equal("local_fs", body!["type"]!.GetValue<string>());
        Assert.Equal(["simple"], body["publish_modes"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public void Lists_a_collection_without_junk_or_linked_files_and_reads_one_entry()
    {
        _site.Write("exercises/.heel-raises.md.swp", "junk").Write("exercises/notes.txt", "not an entry");
        File.CreateSymbolicLink(Path.Combine(_site.InputDir, "exercises", "linked.md"), Path.Combine(_site.InputDir, "exercises", "heel-raises.md"));
        var (status, body) = Post("entriesByFolder", new JsonObject { ["folder"] = "input/exercises", ["extension"] = "md", ["depth"] = 1 });
        Assert.Equal(200, status);
        var entry = Assert.Single(body!.AsArray());
        Assert.Equal("input/exercises/heel-raises.md", entry!["file"]!["path"]!.GetValue<string>());
        Assert.StartsWith("---\ntitle: Heel raises", entry["data"]!.GetValue<string>().Replace("\r\n", "\n"));
        Assert.Equal(64, entry["file"]!["id"]!.GetValue<string>().Length);

        var one = Post("getEntry", new JsonObject { ["path"] = "input/exercises/heel-raises.md" }).Body!;
        Assert.Equal(entry["data"]!.GetValue<string>(), one["data"]!.GetValue<string>());
        var missing = Post("getEntry", new JsonObject { ["path"] = "input/exercises/wall-slides.md" });
        Assert.Equal(200, missing.Status);
        Assert.Null(missing.Body!["data"]);

        var files = Post("entriesByFiles", new JsonObject { ["files"] = new JsonArray(new JsonObject { ["path"] = "input/site.yml", ["label"] = "Site settings" }) }).Body!.AsArray();
        Assert.Contains("title: Test Guide", files[0]!["data"]!.GetValue<string>());
        Assert.Equal("Site settings", files[0]!["file"]!["label"]!.GetValue<string>());
    }

    [Fact]
    public void Saves_a_new_entry_with_its_uploaded_image_and_never_replaces_a_file_with_a_new_one()
    {
        var raw = "---\ntitle: Wall slides\n---\n";
        var png = Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var save = new JsonObject
        {
            ["dataFiles"] = new JsonArray(new JsonObject { ["path"] = "input/exercises/wall-slides.md", ["slug"] = "wall-slides", ["raw"] = raw }),
            ["assets"] = new JsonArray(new JsonObject { ["path"] = "input/images/wall.png", ["content"] = png, ["encoding"] = "base64" }),
            ["options"] = new JsonObject { ["newEntry"] = true },
        };
        Assert.Equal(200, Post("persistEntry", save).Status);
        Assert.Equal(raw, File.ReadAllText(Path.Combine(_site.InputDir, "exercises", "wall-slides.md")));
        Assert.Equal(Convert.FromBase64String(png), File.ReadAllBytes(Path.Combine(_site.InputDir, "images", "wall.png")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_site.InputDir, "exercises"), ".*")); // no temporary file left

        // A new entry at an existing path, or an upload over another image, is refused and writes nothing.
        var before = File.ReadAllText(Path.Combine(_site.InputDir, "exercises", "heel-raises.md"));
        var clash = (JsonObject)save.DeepClone();
        clash["dataFiles"]![0]!["path"] = "input/exercises/heel-raises.md";
        clash["assets"]![0]!["path"] = "input/images/new.png";
        Assert.Contains("already exists", Error("persistEntry", clash));
        Assert.Equal(before, File.ReadAllText(Path.Combine(_site.InputDir, "exercises", "heel-raises.md")));
        Assert.False(File.Exists(Path.Combine(_site.InputDir, "images", "new.png")));
        Assert.Contains("already exists", Error("persistMedia", new JsonObject { ["asset"] = new JsonObject { ["path"] = "input/images/knee.svg", ["content"] = png, ["encoding"] = "base64" } }));

        // Saving an existing entry replaces it: the editor's own action.
        var edit = (JsonObject)save.DeepClone();
        edit["dataFiles"]![0]!["raw"] = "---\ntitle: Wall slides, edited\n---\n";
        edit["options"]!["newEntry"] = false;
        Assert.Equal(200, Post("persistEntry", edit).Status);
        Assert.Contains("edited", File.ReadAllText(Path.Combine(_site.InputDir, "exercises", "wall-slides.md")));
    }

    [Fact]
    public void The_media_library_lists_images_only_and_deleting_refuses_settings_files()
    {
        _site.Write("images/notes.txt", "not an image");
        var media = Post("getMedia", new JsonObject { ["mediaFolder"] = "input/images" }).Body!.AsArray();
        var image = Assert.Single(media);
        Assert.Equal("knee.svg", image!["name"]!.GetValue<string>());
        Assert.Equal("base64", image["encoding"]!.GetValue<string>());
        Assert.Equal(File.ReadAllBytes(Path.Combine(_site.InputDir, "images", "knee.svg")), Convert.FromBase64String(image["content"]!.GetValue<string>()));

        Assert.Contains("settings file", Error("deleteFiles", new JsonObject { ["paths"] = new JsonArray("input/site.yml") }));
        Assert.True(File.Exists(Path.Combine(_site.InputDir, "site.yml")));
        Assert.Equal(200, Post("deleteFiles", new JsonObject { ["paths"] = new JsonArray("input/exercises/heel-raises.md", "input/exercises/gone.md") }).Status);
        Assert.False(File.Exists(Path.Combine(_site.InputDir, "exercises", "heel-raises.md")));
    }

    [Theory]
    [InlineData("../secret.md")]
    [InlineData("/etc/passwd")]
    [InlineData("input/../secret.md")]
    [InlineData("input/articles/../../secret.md")]
    [InlineData("input/articles/./sample.md")]
    [InlineData("input//articles/sample.md")]
    [InlineData("input\\articles\\sample.md")]
    [InlineData("input/articles/sub/deeper.md")]
    [InlineData("input/articles/.hidden.md")]
    [InlineData("input/articles/notes.txt")]
    [InlineData("input/index.md")]
    [InlineData("input/images/credits.yml.bak")]
    [InlineData("input/images/script.js")]
    [InlineData("src/KneeGuide/Program.cs")]
    [InlineData("netlify.toml")]
    [InlineData("C:/Windows/x.md")]
    [InlineData("")]
    public void Refuses_every_path_outside_the_editors_files(string path)
    {
        Assert.Equal(422, Post("getEntry", new JsonObject { ["path"] = path }).Status);
        var save = new JsonObject { ["dataFiles"] = new JsonArray(new JsonObject { ["path"] = path, ["raw"] = "x" }), ["options"] = new JsonObject { ["newEntry"] = true } };
        Assert.Equal(422, Post("persistEntry", save).Status);
        Assert.Equal(422, Post("deleteFiles", new JsonObject { ["paths"] = new JsonArray(path) }).Status);
        Assert.Equal(422, Post("persistMedia", new JsonObject { ["asset"] = new JsonObject { ["path"] = path, ["content"] = "eA==", ["encoding"] = "base64" } }).Status);
        Assert.False(File.Exists(Path.Combine(_site.Root, "secret.md")));
    }

    [Fact]
    public void Refuses_symbolic_links_out_of_the_input_folder_for_files_and_folders()
    {
        var outside = Path.Combine(_site.Root, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.md"), "SECRET");
        File.CreateSymbolicLink(Path.Combine(_site.InputDir, "articles", "linked.md"), Path.Combine(outside, "secret.md"));
        Directory.Delete(Path.Combine(_site.InputDir, "mobility"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(_site.InputDir, "mobility"), outside);

        Assert.Contains("symbolic link", Error("getEntry", new JsonObject { ["path"] = "input/articles/linked.md" }));
        Assert.Contains("symbolic link", Error("getEntry", new JsonObject { ["path"] = "input/mobility/secret.md" }));
        Assert.Contains("symbolic link", Error("entriesByFolder", new JsonObject { ["folder"] = "input/mobility", ["extension"] = "md" }));
        var write = new JsonObject { ["dataFiles"] = new JsonArray(new JsonObject { ["path"] = "input/mobility/new.md", ["raw"] = "x" }), ["options"] = new JsonObject { ["newEntry"] = true } };
        Assert.Contains("symbolic link", Error("persistEntry", write));
        Assert.False(File.Exists(Path.Combine(outside, "new.md")));
        Assert.Equal("SECRET", File.ReadAllText(Path.Combine(outside, "secret.md")));
    }

    [Fact]
    public void Unknown_actions_and_malformed_requests_are_refused()
    {
        Assert.Equal(422, Post("unpublishedEntries").Status);
        Assert.Equal(422, _backend.Handle("not json"u8).Status);
        Assert.Equal(422, _backend.Handle("[1]"u8).Status);
        Assert.Equal(422, Post("getEntry", new JsonObject { ["path"] = 12 }).Status);
    }

    [Fact]
    public async Task Over_http_the_backend_takes_same_origin_json_only_and_admin_gets_its_policy_without_the_reload_script()
    {
        var root = Path.Combine(_site.Root, "preview");
        Directory.CreateDirectory(Path.Combine(root, "admin"));
        File.WriteAllText(Path.Combine(root, "admin", "index.html"), "<html><body>editor</body></html>");
        File.WriteAllText(Path.Combine(root, "admin", "config.yml"), "backend: {}");
        var port = ServeTestSupport.FreePort();
        var site = new PreviewSite(new BuildOptions(_site.InputDir, root, _site.ThemeDir));
        await using var server = new PreviewServer(site, port, _backend);
        server.Start();
        using var http = new HttpClient();
        var url = $"http://127.0.0.1:{port}{LocalBackend.Address}";

        var ok = await http.PostAsync(url, new StringContent("{\"action\":\"info\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Contains("local_fs", await ok.Content.ReadAsStringAsync());

        var form = await http.PostAsync(url, new StringContent("{\"action\":\"info\"}", Encoding.UTF8, "text/plain"));
        Assert.Equal(415, (int)form.StatusCode);

        var foreign = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("{\"action\":\"info\"}", Encoding.UTF8, "application/json") };
        foreign.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(403, (int)(await http.SendAsync(foreign)).StatusCode);

        var options = await http.SendAsync(new HttpRequestMessage(HttpMethod.Options, url));
        Assert.Equal(405, (int)options.StatusCode);

        var admin = await ServeTestSupport.RawGetAsync(port, "/admin/");
        Assert.Equal(200, admin.Status);
        Assert.Contains("Content-Security-Policy: " + AdminPage.ContentSecurityPolicy, admin.Head);
        Assert.DoesNotContain("live.js", admin.Body);
        var onLocalhost = await ServeTestSupport.RawGetAsync(port, "/admin/", host: $"localhost:{port}");
        Assert.Equal(302, onLocalhost.Status);
        Assert.Contains($"Location: http://127.0.0.1:{port}/admin/", onLocalhost.Head);

        // Without a built editor the backend answers nothing.
        File.Delete(Path.Combine(root, "admin", "config.yml"));
        Assert.Equal(404, (int)(await http.PostAsync(url, new StringContent("{\"action\":\"info\"}", Encoding.UTF8, "application/json"))).StatusCode);
    }
}
