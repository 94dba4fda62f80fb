using KneeGuide.Site;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Links;

/// <summary>
/// Link validation through whole builds: external links against a 127.0.0.1 server, the opt-outs,
/// and faults reported once where the editor wrote them.
/// </summary>
public sealed class ExternalLinkValidationTests : IDisposable
{
    private readonly ExternalLinkServer _server = new();
    private readonly TestSite _site = new();

    private Task<BuildResult> BuildAsync(bool checkExternal)
    {
        var options = new BuildOptions(_site.InputDir, _site.OutputDir, _site.ThemeDir)
        {
            CheckExternal = checkExternal,
            External = new ExternalCheckOptionsForTests(Path.Combine(_site.Root, "cache.json")).Options,
        };
        return SiteBuilder.BuildAsync(options);
    }

    /// <summary>The 1-based column of <paramref name="needle"/> on a line of an input file.</summary>
    private int Column(string file, int line, string needle) =>
        File.ReadAllLines(Path.Combine(_site.InputDir, file))[line - 1].IndexOf(needle, StringComparison.Ordinal) + 1;

    private static List<string> Lines(BuildResult result) => result.Diagnostics.Select(TestSite.Describe).ToList();

    private static string Article(string body, string extraFrontMatter = "") => $"""
        ---
        title: Links
        description: An article with links.
        date: 2026-02-01
        {extraFrontMatter}
        ---

        {body}
        """;

    [Fact]
    public async Task A_broken_external_link_is_reported_at_each_place_it_was_written_and_asked_about_once()
    {
        _server.Status("/ok", 200);
        _server.Status("/gone", 404);
        _site.Write("articles/links.md", Article($"""
            A [working link]({_server.Url("/ok")}).

            A [broken link]({_server.Url("/gone")}) and <a href="{_server.Url("/gone")}">again</a>.
            """));
        _site.Write("about.md", $"""
            ---
            title: About
            ---

            See [this]({_server.Url("/gone")}).
            """);

        var result = await BuildAsync(checkExternal: true);

        Assert.Equal(
            [
                $"{ErrorCodes.ExternalLinkBroken} {_site.Display("about.md")}:5:5",
                $"{ErrorCodes.ExternalLinkBroken} {_site.Display("articles/links.md")}:10:3",
                $"{ErrorCodes.ExternalLinkBroken} {_site.Display("articles/links.md")}:10:{Column("articles/links.md", 10, "<a href=\"") + 9}",
            ],
            Lines(result));
        Assert.Contains("HTTP 404", result.Diagnostics[0].Message);
        Assert.Equal(1, _server.RequestsTo("/gone"));
        Assert.Equal(1, _server.RequestsTo("/ok"));
        Assert.False(result.Published);
        Assert.Equal(2, result.Validation!.ExternalUrlsChecked);
    }

    [Fact]
    public async Task External_links_are_not_requested_unless_asked_for()
    {
        _site.Write("articles/links.md", Article($"A [broken link]({_server.Url("/gone")})."));

        var result = await BuildAsync(checkExternal: false);

        Assert.Empty(Lines(result));
        Assert.Empty(_server.Requests);
        Assert.Equal(0, result.Validation!.ExternalUrlsChecked);
    }

    [Fact]
    public async Task The_site_setting_check_external_links_turns_the_check_on()
    {
        _server.Status("/gone", 404);
        _site.Write("site.yml", """
            title: Test Guide
            base_url: https://test.example.org/
            check_external_links: true
            """);
        _site.Write("articles/links.md", Article($"A [broken link]({_server.Url("/gone")})."));

        var result = await BuildAsync(checkExternal: false);

        Assert.Equal([$"{ErrorCodes.ExternalLinkBroken} {_site.Display("articles/links.md")}:8:3"], Lines(result));
    }

    [Fact]
    public async Task A_raw_HTML_link_marked_data_kg_nocheck_is_not_checked()
    {
        _server.Status("/gone", 404);
        _site.Write("articles/links.md", Article($"""
            <a href="/not-built-by-kneeguide/" data-kg-nocheck>admin</a> and <a data-kg-nocheck href="{_server.Url("/gone")}">old</a>
            """));

        var result = await BuildAsync(checkExternal: true);

        Assert.Empty(Lines(result));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_Markdown_link_titled_nocheck_is_not_checked_and_the_title_is_not_published()
    {
        _server.Status("/gone", 404);
        _site.Write("articles/links.md", Article($"""
            [Admin](/admin/ "nocheck"), [old notes](../notes/old.md "nocheck") and [old site]({_server.Url("/gone")} "nocheck").
            """));

        var result = await BuildAsync(checkExternal: true);

        Assert.Empty(Lines(result));
        Assert.Empty(_server.Requests);
        var html = _site.ReadOutput("articles/links/index.html");
        Assert.Contains("<a href=\"/admin/\">Admin</a>", html);
        Assert.DoesNotContain("nocheck", html);
    }

    [Fact]
    public async Task A_page_with_link_check_false_is_published_with_its_broken_links_unreported()
    {
        _server.Status("/gone", 404);
        _site.Write("articles/links.md", Article($"""
            [Nowhere](/nowhere/), [no anchor](#missing), [a missing file](missing.md) and [old site]({_server.Url("/gone")}).

            <p id="twice">one</p><p id="twice">two</p>
            """, "link_check: false"));
        _site.Write("articles/checked.md", Article("[Nowhere](/nowhere/)."));

        var result = await BuildAsync(checkExternal: true);

        Assert.Equal([$"{ErrorCodes.BrokenLink} {_site.Display("articles/checked.md")}:8:1"], Lines(result));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Links_under_a_link_check_ignore_prefix_are_neither_reported_nor_requested()
    {
        _server.Status("/private/page", 404);
        _server.Status("/public/page", 404);
        _site.Write("site.yml", $"""
            title: Test Guide
            base_url: https://test.example.org/
            link_check_ignore:
              - /admin/
              - {_server.Url("/private/")}
            """);
        _site.Write("articles/links.md", Article($"""
            [Admin](/admin/users/), [private]({_server.Url("/private/page")}), [public]({_server.Url("/public/page")}).
            """));

        var result = await BuildAsync(checkExternal: true);

        Assert.Equal([$"{ErrorCodes.ExternalLinkBroken} {_site.Display("articles/links.md")}:8:{Column("articles/links.md", 8, "[public]")}"], Lines(result));
        Assert.Equal([("HEAD", "/public/page")], _server.Requests);
    }

    [Fact]
    public async Task A_broken_link_in_a_template_is_reported_once_at_the_template_line_not_once_per_page()
    {
        var basePath = Path.Combine(_site.ThemeDir, "layouts", "base.liquid");
        var text = File.ReadAllText(basePath).Replace("</body>", "<a href=\"#no-such-anchor\">a</a> <a href=\"no-such-folder/\">b</a>\n</body>");
        File.WriteAllText(basePath, text);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("#no-such-anchor")) + 1;

        var result = await BuildAsync(checkExternal: false);

        var display = _site.DisplayTheme("layouts/base.liquid");
        Assert.Equal(
            [$"{ErrorCodes.BrokenLink} {display}:{line}:", $"{ErrorCodes.BrokenAnchor} {display}:{line}:"],
            Lines(result).Select(l => l[..(l.LastIndexOf(':') + 1)]).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_Markdown_link_to_a_missing_page_is_reported_once()
    {
        _site.Write("articles/links.md", Article("See [the guide](../mobility/mobilty-basics.md#hips)."));

        var result = await BuildAsync(checkExternal: false);

        var fault = Assert.Single(result.Diagnostics);
        Assert.Equal($"{ErrorCodes.BrokenLink} {_site.Display("articles/links.md")}:8:5", TestSite.Describe(fault));
        Assert.Equal("../mobility/mobility-basics.md#hips", fault.Suggestion);
    }

    [Fact]
    public async Task A_link_to_an_anchor_on_a_page_whose_front_matter_fails_reports_only_the_front_matter()
    {
        _site.Write("mobility/mobility-basics.md", """
            ---
            title: Mobility basics
            description: Mobility for the tests.
            date: not-a-date
            ---

            ## Hips
            """);
        _site.Write("articles/links.md", Article("See [hips](../mobility/mobility-basics.md#hips) and [elsewhere](/mobility/mobility-basics/#knees)."));

        var result = await BuildAsync(checkExternal: false);

        Assert.All(result.Diagnostics, d => Assert.Equal(_site.Display("mobility/mobility-basics.md"), d.File));
        Assert.NotEmpty(result.Diagnostics);
    }

    [Fact]
    public async Task A_near_miss_anchor_gets_a_did_you_mean()
    {
        _site.Write("articles/links.md", Article("""
            ## Warm up

            Back to [the warm-up](#warm-upp).
            """));

        var result = await BuildAsync(checkExternal: false);

        var fault = Assert.Single(result.Diagnostics);
        Assert.Equal(ErrorCodes.BrokenAnchor, fault.Code);
        Assert.Equal("warm-up", fault.Suggestion);
    }

    public void Dispose()
    {
        _server.Dispose();
        _site.Dispose();
    }

    /// <summary>Refuses any request that is not to 127.0.0.1, so a test can never reach another host.</summary>
    private sealed class LoopbackOnlyHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri is { Host: "127.0.0.1" }
                ? base.SendAsync(request, cancellationToken)
                : throw new InvalidOperationException($"a test tried to reach {request.RequestUri}");
    }

    /// <summary>Fast external-check settings: a short timeout, tiny backoff, a cache inside the test site.</summary>
    private sealed record ExternalCheckOptionsForTests(string CacheFile)
    {
        public Site.Links.ExternalCheckOptions Options => new()
        {
            CacheFile = CacheFile,
            Timeout = TimeSpan.FromSeconds(2),
            Retries = 1,
            BackoffBase = TimeSpan.FromMilliseconds(10),

            // The theme links to other sites (licences, the clinic): the tests never contact them.
            Ignore = ["https://"],
            Handler = new LoopbackOnlyHandler(),
        };
    }
}
