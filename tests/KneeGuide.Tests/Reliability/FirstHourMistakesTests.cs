using KneeGuide.Core;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Reliability;

/// <summary>
/// The mistakes a new editor makes in the first hour, each reported once, at the file, line and
/// column where it was made, in words that say what to do. Each test is named for its mistake.
/// </summary>
public sealed class FirstHourMistakesTests
{
    private const string Exercise = """
        ---
        title: Wall sits
        summary: Builds the quads.
        targets: [quads]
        dosage:
          sets: 3
          hold_seconds: 30
        steps:
          - "Lean on a wall."
        ---
        """;

    private static async Task<Diagnostic> OnlyDiagnosticAsync(TestSite site, string expected)
    {
        var result = await site.BuildAsync();
        var all = result.Diagnostics.Select(d => site.DescribeRelative(d) + "  " + d.Message).ToList();
        Assert.True(result.Diagnostics.Count == 1, "expected one diagnostic, got:\n" + string.Join("\n", all));
        Assert.Equal(expected, site.DescribeRelative(result.Diagnostics[0]));
        Assert.DoesNotContain("While ", result.Diagnostics[0].Message, StringComparison.Ordinal);
        return result.Diagnostics[0];
    }

    private static string Article(string frontMatter, string body = "Text.") =>
        $"---\n{frontMatter}\n---\n\n{body}\n";

    [Fact]
    public async Task An_empty_title_is_an_error_at_the_key()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", Article("title:\ndescription: D.\ndate: 2026-01-15"));

        var d = await OnlyDiagnosticAsync(site, "KG1106 articles/sample.md:2:7");

        Assert.Contains("'title' is empty", d.Message);
    }

    [Fact]
    public async Task An_empty_quoted_description_is_an_error_at_the_key()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", Article("title: T\ndescription: \"\"\ndate: 2026-01-15"));

        await OnlyDiagnosticAsync(site, "KG1106 articles/sample.md:3:14");
    }

    [Fact]
    public async Task An_empty_exercise_summary_is_an_error()
    {
        using var site = new TestSite();
        site.Write("exercises/wall-sits.md", Exercise.Replace("summary: Builds the quads.", "summary:"));

        await OnlyDiagnosticAsync(site, "KG1106 exercises/wall-sits.md:3:9");
    }

    [Fact]
    public async Task An_empty_targets_list_is_an_error()
    {
        using var site = new TestSite();
        site.Write("exercises/wall-sits.md", Exercise.Replace("targets: [quads]", "targets: []"));

        var d = await OnlyDiagnosticAsync(site, "KG1106 exercises/wall-sits.md:4:10");

        Assert.Contains("needs at least one item", d.Message);
    }

    [Fact]
    public async Task An_empty_steps_list_is_an_error()
    {
        using var site = new TestSite();
        site.Write("exercises/wall-sits.md", Exercise.Replace("steps:\n  - \"Lean on a wall.\"", "steps: []"));

        await OnlyDiagnosticAsync(site, "KG1106 exercises/wall-sits.md:8:8");
    }

    [Fact]
    public async Task A_blank_step_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Write("exercises/wall-sits.md", Exercise.Replace("  - \"Lean on a wall.\"", "  - \"Lean on a wall.\"\n  -\n  - Slide down."));

        var d = await OnlyDiagnosticAsync(site, "KG1106 exercises/wall-sits.md:10:4");

        Assert.Contains("item 2 of 'steps' is empty", d.Message);
    }

    [Theory]
    [InlineData("sets: 0", "KG1107 exercises/wall-sits.md:6:9", "from 1 to 10")]
    [InlineData("sets: -3", "KG1107 exercises/wall-sits.md:6:9", "from 1 to 10")]
    [InlineData("sets: 400", "KG1107 exercises/wall-sits.md:6:9", "from 1 to 10")]
    public async Task Dosage_sets_that_make_no_clinical_sense_are_an_error_with_the_range(string sets, string expected, string range)
    {
        using var site = new TestSite();
        site.Write("exercises/wall-sits.md", Exercise.Replace("sets: 3", sets));

        var d = await OnlyDiagnosticAsync(site, expected);

        Assert.Contains(range, d.Message);
    }

    [Fact]
    public async Task A_zero_second_hold_is_an_error_with_the_range()
    {
        using var site = new TestSite();
        site.Write("exercises/wall-sits.md", Exercise.Replace("hold_seconds: 30", "hold_seconds: 0"));

        var d = await OnlyDiagnosticAsync(site, "KG1107 exercises/wall-sits.md:7:17");

        Assert.Contains("from 1 to 600", d.Message);
    }

    [Theory]
    [InlineData("\"500\"", "KG1107 exercises/wall-sits.md:7:9")]
    [InlineData("\"15-10\"", "KG1107 exercises/wall-sits.md:7:9")]
    [InlineData("\"0\"", "KG1107 exercises/wall-sits.md:7:9")]
    [InlineData("lots", "KG1104 exercises/wall-sits.md:7:9")]
    public async Task Repetitions_that_make_no_sense_are_an_error(string reps, string expected)
    {
        using var site = new TestSite();
        site.Write("exercises/wall-sits.md", Exercise.Replace("hold_seconds: 30", "reps: " + reps));

        await OnlyDiagnosticAsync(site, expected);
    }

    [Fact]
    public async Task An_unquoted_colon_in_a_value_says_to_put_it_in_quotes_at_the_colon()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", Article("title: Runner's knee: why it hurts\ndescription: D.\ndate: 2026-01-15"));

        var d = await OnlyDiagnosticAsync(site, "KG1001 articles/sample.md:2:21");

        Assert.Contains("put the whole value in double quotes, title: \"Runner's knee: why it hurts\"", d.Message);
    }

    [Fact]
    public async Task A_tab_used_for_indentation_is_named_at_its_line()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", Article("title: T\ndescription: D.\ndate: 2026-01-15\ntags:\n\t- knees"));

        var d = await OnlyDiagnosticAsync(site, "KG1001 articles/sample.md:6:1");

        Assert.Contains("indented with a tab", d.Message);
    }

    [Fact]
    public async Task Curly_quotes_pasted_from_Word_are_named_with_the_straight_quote_fix()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", Article("title: “Runner’s knee: why”\ndescription: D.\ndate: 2026-01-15"));

        var d = await OnlyDiagnosticAsync(site, "KG1001 articles/sample.md:2:8");

        Assert.Contains("curly quote", d.Message);
        Assert.Contains("title: \"Runner’s knee: why\"", d.Message);
    }

    [Fact]
    public async Task A_value_wrapped_in_curly_quotes_that_parses_is_a_warning()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", Article("title: “Runner’s knee”\ndescription: D.\ndate: 2026-01-15"));

        var d = await OnlyDiagnosticAsync(site, "KG1109 articles/sample.md:2:8");

        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Fact]
    public async Task A_non_breaking_space_after_a_colon_is_named_at_its_column()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", Article("title:\u00a0Runner\ndescription: D.\ndate: 2026-01-15"));

        var d = await OnlyDiagnosticAsync(site, "KG1001 articles/sample.md:2:7");

        Assert.Contains("non-breaking space (U+00A0)", d.Message);
    }

    [Fact]
    public async Task A_non_breaking_space_before_a_key_is_named_at_its_column()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", Article("title: T\ndescription: D.\n\u00a0date: 2026-01-15"));

        var d = await OnlyDiagnosticAsync(site, "KG1108 articles/sample.md:4:1");

        Assert.Contains("non-breaking space (U+00A0)", d.Message);
    }

    [Fact]
    public async Task A_missing_closing_fence_with_a_rule_in_the_body_points_at_the_body_text()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", "---\ntitle: T\ndescription: D.\ndate: 2026-01-15\n\nIf the front of your knee aches on a run: rest.\n\n---\n\nMore.\n");

        var d = await OnlyDiagnosticAsync(site, "KG1002 articles/sample.md:6:1");

        Assert.Contains("add a line with only '---' after the last key (line 4)", d.Message);
    }

    [Fact]
    public async Task An_invisible_character_in_an_exercise_id_is_named_at_its_column()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("exercises: [heel-raises]", "exercises: [heel\u200b-raises]"));

        var d = await OnlyDiagnosticAsync(site, "KG1108 articles/sample.md:6:17");

        Assert.Contains("zero-width space (U+200B)", d.Message);
    }

    [Fact]
    public async Task An_invisible_character_in_a_tag_is_named_at_its_column()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("tags: [knees]", "tags: [kn\u00adees]"));

        var d = await OnlyDiagnosticAsync(site, "KG1108 articles/sample.md:5:10");

        Assert.Contains("soft hyphen (U+00AD)", d.Message);
    }

    [Fact]
    public async Task An_invisible_character_in_a_link_anchor_is_named_at_its_column()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("(#first-part)", "(#first\u2011part)"));

        var d = await OnlyDiagnosticAsync(site, "KG1108 articles/sample.md:16:32");

        Assert.Contains("non-breaking hyphen (U+2011)", d.Message);
        Assert.Contains("anchor", d.Message);
    }

    [Fact]
    public async Task An_invisible_character_after_a_headings_hashes_is_named()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("## Second part", "##\u00a0Second part"));

        var d = await OnlyDiagnosticAsync(site, "KG1108 articles/sample.md:14:3");

        Assert.Contains("not a heading", d.Message);
    }

    [Fact]
    public async Task Hashes_without_a_space_are_a_not_a_heading_warning()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("## Second part", "##Second part"));

        var d = await OnlyDiagnosticAsync(site, "KG1401 articles/sample.md:14:3");

        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Fact]
    public async Task An_invisible_character_in_a_file_name_is_named()
    {
        using var site = new TestSite();
        site.Write("articles/sam\u200bple-two.md", Article("title: T\ndescription: D.\ndate: 2026-01-15"));

        var d = await OnlyDiagnosticAsync(site, "KG1108 articles/sam\u200bple-two.md:0:0");

        Assert.Contains("character 4", d.Message);
    }

    [Fact]
    public async Task A_link_to_a_renamed_file_suggests_the_page_whose_redirect_from_holds_the_old_address()
    {
        using var site = new TestSite();
        site.Write("articles/knee-care.md", Article("title: Knee care\ndescription: D.\ndate: 2026-01-15\nredirect_from: [/articles/old-knee-care/]"));
        site.Write("index.md", "---\ntitle: Home\n---\n\nRead [the article](articles/sample.md) and [care](articles/old-knee-care.md#top).\n");

        var d = await OnlyDiagnosticAsync(site, "KG2001 index.md:5:44");

        Assert.Contains("renamed to articles/knee-care.md", d.Message);
        Assert.Equal("articles/knee-care.md#top", d.Suggestion);
    }

    [Fact]
    public async Task A_link_missing_its_dot_dot_slash_suggests_the_path_that_exists()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("(../exercises/heel-raises.md)", "(exercises/heel-raises.md)"));

        var d = await OnlyDiagnosticAsync(site, "KG2001 articles/sample.md:12:18");

        Assert.Equal("../exercises/heel-raises.md", d.Suggestion);
        Assert.Contains("needs '../'", d.Message);
    }

    [Fact]
    public async Task An_anchor_with_no_close_match_lists_the_pages_anchors()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("(../exercises/heel-raises.md)", "(../mobility/mobility-basics.md#zzzzzzzz)"));

        var d = await OnlyDiagnosticAsync(site, "KG2002 articles/sample.md:12:18");

        Assert.Contains("its headings and anchors are #hips", d.Message);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    [InlineData("<a href=\"java&#9;script:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"data:text/html,x\" title=\"x\"></iframe>")]
    public async Task A_link_that_runs_script_is_an_error_even_with_nocheck(string link)
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle + "\n\n<div data-kg-nocheck>\n\n" + link + "\n\n</div>\n");

        var result = await site.BuildAsync();

        Assert.Contains(result.Diagnostics, d => d.Code == "KG2007");
        Assert.False(result.Published);
    }

    [Fact]
    public async Task A_data_image_is_allowed()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle + "\n\n<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">\n");

        var result = await site.BuildAsync();

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "KG2007");
    }

    [Fact]
    public async Task Slugs_that_differ_only_in_letter_case_are_an_error()
    {
        using var site = new TestSite();
        site.Write("articles/Sample.md", Article("title: T\ndescription: D.\ndate: 2026-01-15"));

        var result = await site.BuildAsync();

        Assert.Contains(result.Diagnostics, d => site.DescribeRelative(d) == "KG1206 articles/sample.md:0:0");
        Assert.False(result.Published);
    }

    [Fact]
    public async Task Capitals_or_spaces_in_a_file_name_are_a_warning_with_the_slug_to_use()
    {
        using var site = new TestSite();
        site.Write("articles/Knee Taping.md", Article("title: T\ndescription: D.\ndate: 2026-01-15"));

        var d = await OnlyDiagnosticAsync(site, "KG1207 articles/Knee Taping.md:0:0");

        Assert.Equal("knee-taping.md", d.Suggestion);
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Theory]
    [InlineData(".DS_Store")]
    [InlineData("Thumbs.db")]
    [InlineData("articles/sample.md~")]
    [InlineData("articles/.sample.md.swp")]
    [InlineData("articles/~$notes.docx")]
    [InlineData("articles/.#sample.md")]
    [InlineData("articles/#sample.md#")]
    [InlineData("images/desktop.ini")]
    public async Task Editors_junk_files_are_ignored_and_never_built(string junk)
    {
        using var site = new TestSite();
        site.Write(junk, "---\ntitle: [broken\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.False(site.OutputExists(junk));
    }

    [Fact]
    public async Task A_web_address_in_redirect_from_is_an_error_with_its_path()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("tags: [knees]", "tags: [knees]\nredirect_from: [https://old.example.org/blog/knees/]"));

        var d = await OnlyDiagnosticAsync(site, "KG1104 articles/sample.md:6:17");

        Assert.Contains("paths of this site only", d.Message);
        Assert.Equal("/blog/knees/", d.Suggestion);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/kneeguide/")]
    [InlineData("ftp://files.example.org/")]
    [InlineData("kneeguide.netlify.app")]
    public async Task A_base_url_that_is_not_an_http_address_is_an_error_at_its_line(string value)
    {
        using var site = new TestSite();
        site.Write("site.yml", $"title: Test Guide\nbase_url: {value}\n");

        var d = await OnlyDiagnosticAsync(site, "KG1104 site.yml:2:1");

        Assert.Contains("https://", d.Message);
    }

    [Fact]
    public async Task A_custom_heading_id_is_used_and_links_to_it_are_checked()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle
            .Replace("## First part", "## The first part, reworded {#first-part}")
            .Replace("(#first-part)", "(#first-part) and [gone](#the-first-part-reworded)"));

        var d = await OnlyDiagnosticAsync(site, "KG2002 articles/sample.md:16:43");

        Assert.Contains("#first-part", d.Message);
    }

    [Fact]
    public async Task A_custom_heading_id_is_published_without_its_braces()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("## First part", "## First part, reworded {#first-part}"));

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var html = site.ReadOutput("articles/sample/index.html");
        Assert.Contains("<h2 id=\"first-part\">First part, reworded</h2>", html);
        Assert.DoesNotContain("{#", html);
    }

    [Fact]
    public async Task Braces_in_prose_stay_text()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle + "\n\nHold for 10 seconds {each side}.\n");

        await site.BuildAsync();

        Assert.Contains("Hold for 10 seconds {each side}.", site.ReadOutput("articles/sample/index.html"));
    }

    [Fact]
    public async Task A_published_page_showing_a_draft_exercise_is_an_error()
    {
        using var site = new TestSite();
        site.Write("exercises/wall-sits.md", Exercise.Replace("---\n", "---\ndraft: true\n").Replace("---\ndraft: true\ntitle", "---\ntitle").Replace("title: Wall sits", "title: Wall sits\ndraft: true"));
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("exercises: [heel-raises]", "exercises: [heel-raises, wall-sits]"));

        var d = await OnlyDiagnosticAsync(site, "KG2004 articles/sample.md:6:26");

        Assert.Contains("is a draft", d.Message);
    }
}
