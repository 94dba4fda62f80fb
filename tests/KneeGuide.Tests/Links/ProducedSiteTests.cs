using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Links;

namespace KneeGuide.Tests.Links;

public sealed class ProducedSiteTests
{
    private static readonly PageLinks Article = Page("/articles/runners-knee/", "what-helps", "Warm-Up", "top-tips");

    private readonly ProducedSite _site = new(
        [
            Doc("index.html", Page("/", "welcome")),
            Doc("articles/runners-knee/index.html", Article),
            Doc("articles/café-knee/index.html", Page("/articles/café-knee/")),
            Doc("exercises/index.html", Page("/exercises/")),
            Doc("images/knee.svg"),
            Doc("images/knee photo.png"),
            Doc("feed.xml"),
        ],
        Index(
            drafts: ["/articles/secret/"],
            redirects: new() { ["/blog/old-post/"] = "/articles/runners-knee/" }));

    private static PageLinks Page(string url, params string[] ids) => new(url, [], ids.ToHashSet(StringComparer.Ordinal), []);

    private static Document Doc(string destination, PageLinks? links = null)
    {
        var doc = new Document(null, destination);
        return links is null ? doc : doc.With(links);
    }

    private static SiteIndex Index(string[] drafts, Dictionary<string, string> redirects) => new()
    {
        Documents = [],
        BySource = new Dictionary<string, Document>(),
        ByUrl = new Dictionary<string, Document>(),
        Exercises = new Dictionary<string, Document>(),
        MobilityPages = new Dictionary<string, Document>(),
        Articles = [],
        Tags = new Dictionary<string, IReadOnlyList<Document>>(),
        ExerciseUsedBy = new Dictionary<string, IReadOnlyList<Document>>(),
        MobilityLinkedFrom = new Dictionary<string, IReadOnlyList<Document>>(),
        DraftUrls = drafts.ToHashSet(StringComparer.Ordinal),
        FailedUrls = new HashSet<string>(),
        Redirects = redirects,
        UsedImages = new Dictionary<string, SourceLocation>(),
    };

    private string? Problem(string href) => _site.Check(Article, href).Problem?.Code;

    [Theory]
    [InlineData("/articles/runners-knee/")]
    [InlineData("/articles/runners-knee")]
    [InlineData("/articles/runners-knee/index.html")]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("../runners-knee/")]
    [InlineData("../../exercises/")]
    [InlineData("../../exercises")]
    [InlineData("/images/knee.svg")]
    [InlineData("../../images/knee.svg")]
    [InlineData("/images/knee%20photo.png")]
    [InlineData("/articles/caf%C3%A9-knee/")]
    [InlineData("/articles/café-knee/")]
    [InlineData("/exercises/?level=beginner")]
    [InlineData("/feed.xml?x=1#y")]
    [InlineData("/blog/old-post/")]
    [InlineData("/blog/old-post")]
    public void Paths_a_browser_and_netlify_would_serve_are_valid(string href) => Assert.Null(Problem(href));

    [Theory]
    [InlineData("/articles/runners-knees/")]
    [InlineData("/Articles/runners-knee/")]
    [InlineData("/images/knee.png")]
    [InlineData("/images/knee photo.png.bak")]
    [InlineData("runners-knee/")]
    [InlineData("/exercises/index.htm")]
    public void Paths_that_are_not_produced_are_broken_links(string href) => Assert.Equal("KG2001", Problem(href));

    [Fact]
    public void A_missing_page_suggests_the_closest_url()
    {
        var check = _site.Check(Article, "/articles/runners-kne/");

        Assert.Equal("/articles/runners-knee/", check.Problem!.Suggestion);
    }

    [Theory]
    [InlineData("#what-helps")]
    [InlineData("/articles/runners-knee/#Warm-Up")]
    [InlineData("#top")]
    [InlineData("#")]
    [InlineData("/#welcome")]
    [InlineData("/#top")]
    [InlineData("/articles/runners-knee/?a=b#top-tips")]
    [InlineData("/images/knee.svg#anything")]
    public void Fragments_present_with_exact_case_and_top_and_empty_are_valid(string href) => Assert.Null(Problem(href));

    [Theory]
    [InlineData("#what-help")]
    [InlineData("#warm-up")]
    [InlineData("/#what-helps")]
    [InlineData("/blog/old-post/#missing")]
    public void Fragments_not_on_the_target_page_are_broken_anchors(string href) => Assert.Equal("KG2002", Problem(href));

    [Fact]
    public void An_anchor_with_the_wrong_case_suggests_the_real_id()
    {
        Assert.Equal("Warm-Up", _site.Check(Article, "#warm-up").Problem!.Suggestion);
    }

    [Fact]
    public void A_link_to_a_draft_is_reported_as_such()
    {
        Assert.Equal("KG2004", Problem("/articles/secret/"));
    }

    [Theory]
    [InlineData("mailto:clinic@example.org", null)]
    [InlineData("mailto:clinic@example.org?subject=Knee%20pain", null)]
    [InlineData("mailto:clinic", "KG2005")]
    [InlineData("mailto:clinic@localhost", "KG2005")]
    [InlineData("mailto:a b@example.org", "KG2005")]
    [InlineData("tel:+61-3-9000-0000", null)]
    [InlineData("tel:03-9000-0000", null)]
    [InlineData("tel:call-us", "KG2005")]
    [InlineData("tel:", "KG2005")]
    public void Mailto_and_tel_must_be_well_formed(string href, string? code) => Assert.Equal(code, Problem(href));

    [Theory]
    [InlineData("https://example.org/nothing-here")]
    [InlineData("//cdn.example.org/x.js")]
    public void External_links_are_not_checked_against_the_site(string href)
    {
        var check = _site.Check(Article, href);

        Assert.Null(check.Problem);
        Assert.True(check.IsExternal);
    }
}
