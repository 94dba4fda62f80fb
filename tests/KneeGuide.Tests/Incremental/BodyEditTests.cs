using KneeGuide.Site;
using KneeGuide.Site.Incremental;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Incremental;

/// <summary>
/// The preview's incremental rebuild must give what a full build gives: for each edit, the preview
/// builder's diagnostics and preview folder are compared with a fresh full build of the same input
/// into another folder, file by file and byte for byte.
/// </summary>
public sealed class BodyEditTests : IDisposable
{
    private const string Article = "articles/sample.md";

    private const string ArticleText = TestSite.SampleArticle;

    private readonly TestSite _site = new();
    private readonly PreviewBuilder _preview;
    private readonly string _previewDir;

    public BodyEditTests()
    {
        // The home page links to an anchor of the article, so the article's ids matter to another page.
        _site.Write("index.md", """
            ---
            title: Home
            description: The home page.
            ---

            Read [the article](articles/sample.md) and [its second part](articles/sample.md#second-part).
            """);
        _previewDir = Path.Combine(_site.Root, "preview");
        _preview = new PreviewBuilder(new BuildOptions(_site.InputDir, _previewDir, _site.ThemeDir));
    }

    [Fact]
    public async Task Body_text_change_rebuilds_only_that_page_and_matches_a_full_build()
    {
        await FirstBuildAsync();
        var result = await EditAsync(Article, ArticleText + "\nA new sentence about knees.\n");

        Assert.Equal(Article, result.IncrementalPage);
        Assert.True(result.Published);
        Assert.InRange(result.FilesWritten, 1, 20); // the page and the search index shards its new words are in
        Assert.Contains("A new sentence about knees.", File.ReadAllText(Path.Combine(_previewDir, "articles/sample/index.html")));
    }

    [Fact]
    public async Task Broken_link_added_is_reported_like_a_full_build_and_fixing_it_publishes()
    {
        await FirstBuildAsync();
        var broken = await EditAsync(Article, ArticleText + "\nSee [the missing page](/articles/nowhere/).\n");
        Assert.Equal(Article, broken.IncrementalPage);
        Assert.False(broken.Published);
        Assert.Contains(broken.Diagnostics, d => d.Code == "KG2001" && d.File == _site.Display(Article));

        var fixedResult = await EditAsync(Article, ArticleText + "\nSee [the home page](/).\n");
        Assert.Equal(Article, fixedResult.IncrementalPage);
        Assert.True(fixedResult.Published);
        Assert.Empty(fixedResult.Diagnostics);
    }

    [Fact]
    public async Task Removing_an_anchor_another_page_links_to_reports_it_at_that_page()
    {
        await FirstBuildAsync();
        var result = await EditAsync(Article, ArticleText.Replace("## Second part", "## Later part", StringComparison.Ordinal));

        Assert.Equal(Article, result.IncrementalPage);
        var fault = Assert.Single(result.Diagnostics);
        Assert.Equal(_site.Display("index.md"), fault.File);
        Assert.Contains("second-part", fault.Message, StringComparison.Ordinal);

        // Putting the heading back clears the other page's error without touching that page.
        var restored = await EditAsync(Article, ArticleText);
        Assert.Equal(Article, restored.IncrementalPage);
        Assert.Empty(restored.Diagnostics);
    }

    [Fact]
    public async Task Markdown_error_in_the_body_comes_and_goes_with_the_edit()
    {
        await FirstBuildAsync();
        // A link to a Markdown file that does not exist is reported while rendering the Markdown, not by link checking.
        var withError = await EditAsync(Article, ArticleText + "\nSee [the old page](old-page.md).\n");
        Assert.Equal(Article, withError.IncrementalPage);
        Assert.Contains(withError.Diagnostics, d => d.Code == "KG2001" && d.File == _site.Display(Article) && d.Message.Contains("old-page.md", StringComparison.Ordinal));

        var fixedResult = await EditAsync(Article, ArticleText + "\nMore text.\n");
        Assert.Equal(Article, fixedResult.IncrementalPage);
        Assert.Empty(fixedResult.Diagnostics);
    }

    [Fact]
    public async Task Front_matter_title_change_is_a_full_build()
    {
        await FirstBuildAsync();
        var result = await EditAsync(Article, ArticleText.Replace("title: Sample article", "title: Renamed article", StringComparison.Ordinal));

        Assert.Null(result.IncrementalPage);
        Assert.Equal("the front matter changed", _preview.FullBuildReason);
        Assert.Contains("Renamed article", File.ReadAllText(Path.Combine(_previewDir, "articles/index.html")));
    }

    [Fact]
    public async Task Placing_a_new_exercise_card_in_the_body_is_a_full_build()
    {
        await FirstBuildAsync();
        var result = await EditAsync("index.md", """
            ---
            title: Home
            description: The home page.
            ---

            Read [the article](articles/sample.md) and [its second part](articles/sample.md#second-part).

            [Heel raises](exercises/heel-raises.md "card")
            """);

        Assert.Null(result.IncrementalPage);
        Assert.Equal("the body's exercise cards or images changed", _preview.FullBuildReason);
    }

    [Fact]
    public async Task Editing_an_exercise_body_is_incremental_and_matches_a_full_build()
    {
        await FirstBuildAsync();
        var exercise = File.ReadAllText(Path.Combine(_site.InputDir, "exercises/heel-raises.md"));
        var result = await EditAsync("exercises/heel-raises.md", exercise + "\nKeep your knees soft.\n");

        Assert.Equal("exercises/heel-raises.md", result.IncrementalPage);
    }

    [Fact]
    public async Task A_new_file_is_a_full_build()
    {
        await FirstBuildAsync();
        var result = await EditAsync("articles/another.md", ArticleText.Replace("Sample article", "Another article", StringComparison.Ordinal));

        Assert.Null(result.IncrementalPage);
        Assert.True(File.Exists(Path.Combine(_previewDir, "articles/another/index.html")));
    }

    private async Task FirstBuildAsync()
    {
        var first = await _preview.BuildAsync(null);
        Assert.True(first.Published, string.Join("\n", first.Diagnostics));
        // The reference folder starts from the same good site, so a later failed edit leaves both as they were.
        Assert.True((await _site.BuildAsync()).Published);
    }

    /// <summary>Saves a file, rebuilds the preview for that save, and checks it against a full build of the same input.</summary>
    private async Task<BuildResult> EditAsync(string file, string text)
    {
        _site.Write(file, text);
        var preview = await _preview.BuildAsync([Path.Combine(_site.InputDir, file)]);
        var full = await _site.BuildAsync();

        Assert.Equal(full.Diagnostics.Select(d => d.ToString()), preview.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(full.Published, preview.Published);
        Assert.Equal(full.Validation, preview.Validation);
        AssertSameFiles(_site.OutputDir, _previewDir);
        return preview;
    }

    private static void AssertSameFiles(string expectedRoot, string actualRoot)
    {
        static List<string> Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var expected = Files(expectedRoot);
        Assert.Equal(expected, Files(actualRoot));
        foreach (var file in expected)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(expectedRoot, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualRoot, file))),
                $"{file} differs from a full build's");
        }
    }

    public void Dispose() => _site.Dispose();
}
