using KneeGuide.Site;
using KneeGuide.Site.Cms;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Cms;

/// <summary>/admin/ in real builds of fixture sites: copied from node_modules through the engine, or left out with a warning.</summary>
public sealed class WebEditorBuildTests
{
    private const string SiteYml = """
        title: Test Guide
        base_url: https://test.example.org/
        cms:
          repo: clinic/site
        """;

    /// <summary>A stand-in for what npm ci leaves in node_modules/decap-cms/dist, with files that must not be copied.</summary>
    private static void InstallBundle(TestSite site)
    {
        TestSite.InstallCmsBundleStandIn(site.Root);
        var dist = Path.Combine(site.Root, CmsBundle.Folder);
        foreach (var other in new[] { "cms.js", "decap-cms.js.map", "123.cms.js", "dd5d.wasm", "cms.css" })
        {
            File.WriteAllText(Path.Combine(dist, other), "not published");
        }

        File.CreateSymbolicLink(Path.Combine(dist, "456.decap-cms.js"), "/etc/hostname");
    }

    [Fact]
    public async Task The_bundle_page_and_generated_config_are_published_under_admin_and_a_warm_build_is_identical()
    {
        using var site = new TestSite().Write("site.yml", SiteYml);
        InstallBundle(site);

        var cold = await site.BuildAsync(strict: true);
        Assert.True(cold.Published, string.Join("\n", cold.Diagnostics));
        Assert.Empty(cold.Diagnostics);
        var admin = Path.Combine(site.OutputDir, "admin");
        Assert.Equal(["123.decap-cms.js", "config.yml", "decap-cms.js", "decap-cms.js.LICENSE.txt", "index.html"], Directory.GetFiles(admin).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Root, CmsBundle.Folder, CmsBundle.Script)), File.ReadAllBytes(Path.Combine(admin, CmsBundle.Script)));
        Assert.Contains("repo: clinic/site", site.ReadOutput("admin/config.yml"));
        Assert.Contains("folder: input/exercises", site.ReadOutput("admin/config.yml"));
        Assert.DoesNotContain("local_backend", site.ReadOutput("admin/config.yml"));
        Assert.Contains("<script src=\"decap-cms.js\"></script>", site.ReadOutput("admin/index.html"));
        Assert.Contains("noindex", site.ReadOutput("admin/index.html"));
        Assert.DoesNotContain("/admin/", site.ReadOutput("sitemap.xml"));

        var warm = await site.BuildAsync(strict: true);
        Assert.True(warm.Published);
        var cold2 = Path.Combine(site.Root, "cold");
        var fresh = await SiteBuilder.BuildAsync(new BuildOptions(site.InputDir, cold2, site.ThemeDir) { NoCache = true, CacheFile = Path.Combine(site.Root, "cold.cache") });
        Assert.True(fresh.Published);
        OutputComparison.AssertSame(cold2, site.OutputDir, "warm build with /admin/");

        // An edited exercise changes the config's offered values only through the facts it shows.
        site.Write("exercises/heel-raises.md", File.ReadAllText(Path.Combine(site.InputDir, "exercises", "heel-raises.md")).Replace("targets: [calves]", "targets: [calves, neck]"));
        Assert.True((await site.BuildAsync()).Published);
        Assert.Contains("- neck", site.ReadOutput("admin/config.yml"));
    }

    [Fact]
    public async Task Without_the_bundle_the_site_builds_without_admin_and_a_warning_even_with_strict()
    {
        using var site = new TestSite().Write("site.yml", SiteYml);
        foreach (var strict in new[] { false, true })
        {
            var result = await site.BuildAsync(strict);
            Assert.True(result.Published);
            var warning = Assert.Single(result.Diagnostics);
            Assert.Equal("KG5001 " + site.Display("site.yml") + ":3:1", TestSite.Describe(warning));
            Assert.Contains("npm ci", warning.Message);
            Assert.False(Directory.Exists(Path.Combine(site.OutputDir, "admin")));
        }
    }

    [Fact]
    public async Task A_site_without_cms_settings_has_no_admin_and_no_warning()
    {
        using var site = new TestSite();
        InstallBundle(site);
        var result = await site.BuildAsync();
        Assert.True(result.Published);
        Assert.Empty(result.Diagnostics);
        Assert.False(Directory.Exists(Path.Combine(site.OutputDir, "admin")));
    }

    [Fact]
    public async Task An_editors_page_at_admin_clashes_with_the_editor()
    {
        using var site = new TestSite().Write("site.yml", SiteYml).Write("admin.md", "---\ntitle: Admin\n---\n\nText.\n");
        InstallBundle(site);
        var lines = (await site.BuildAsync()).Diagnostics.Select(site.DescribeRelative);
        Assert.Contains("KG1201 admin.md:1:1", lines);
    }

    [Fact]
    public async Task A_bad_repository_name_is_an_error_at_its_line()
    {
        using var site = new TestSite().Write("site.yml", SiteYml.Replace("clinic/site", "https://github.com/clinic/site"));
        InstallBundle(site);
        var result = await site.BuildAsync();
        Assert.False(result.Published);
        Assert.Contains("KG1104 site.yml:4:9", result.Diagnostics.Select(site.DescribeRelative));
    }
}
