using System.Text.Json;
using KneeGuide.Cli.Reporting;
using KneeGuide.Core;
using KneeGuide.Site;
using KneeGuide.Site.Links;

namespace KneeGuide.Tests.Reporting;

/// <summary>The report formats: text for editors, GitHub annotations, JSON and SARIF for tools.</summary>
public sealed class DiagnosticFormatsTests
{
    private static readonly Diagnostic Broken = new("KG2002", Severity.Error, "input/articles/x.md", 12, 5, "'#warmup' is not an id on /articles/x/", "warm-up");

    [Fact]
    public void Text_is_one_line_in_the_editor_format_even_when_a_message_has_line_breaks()
    {
        var d = Broken with { Message = "first line\nsecond line\r\nthird" };

        var text = DiagnosticFormats.Text(d, colour: false);

        Assert.Equal("input/articles/x.md:12:5: error KG2002: first line second line third (did you mean 'warm-up'?)", text);
    }

    [Fact]
    public void Text_in_colour_wraps_errors_in_red_and_warnings_in_yellow()
    {
        Assert.StartsWith("\u001b[31m", DiagnosticFormats.Text(Broken, colour: true));
        Assert.StartsWith("\u001b[33m", DiagnosticFormats.Text(Broken with { Severity = Severity.Warning }, colour: true));
        Assert.EndsWith("\u001b[0m", DiagnosticFormats.Text(Broken, colour: true));
    }

    [Fact]
    public void A_GitHub_annotation_names_the_file_line_and_column()
    {
        Assert.Equal(
            "::error file=input/articles/x.md,line=12,col=5,title=KG2002::'#warmup' is not an id on /articles/x/ (did you mean 'warm-up'?)",
            DiagnosticFormats.GitHub(Broken));
    }

    [Fact]
    public void A_GitHub_annotation_escapes_percent_colon_comma_and_line_breaks()
    {
        var d = new Diagnostic("KG2001", Severity.Warning, "input/a,b:c%.md", 3, 0, "100% wrong:\nsee, here\r");

        var line = DiagnosticFormats.GitHub(d);

        Assert.Equal("::warning file=input/a%2Cb%3Ac%25.md,line=3,col=1,title=KG2001::100%25 wrong:%0Asee, here%0D", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void A_GitHub_annotation_without_a_file_has_no_location()
    {
        var line = DiagnosticFormats.GitHub(new Diagnostic("KG1004", Severity.Error, null, 0, 0, "no input"));

        Assert.Equal("::error title=KG1004::no input", line);
    }

    [Fact]
    public void Json_lists_each_diagnostic_with_its_place_and_the_summary()
    {
        var summary = BuildReport.Summary(Result([Broken], new ValidationSummary(3, 40, 6, 5, 4, 1)));

        using var json = JsonDocument.Parse(DiagnosticFormats.Json([Broken], summary));

        var root = json.RootElement;
        Assert.False(root.GetProperty("published").GetBoolean());
        Assert.Equal(40, root.GetProperty("links").GetInt32());
        Assert.Equal(4, root.GetProperty("external_urls_checked").GetInt32());
        Assert.Equal(0.25, root.GetProperty("pipeline_seconds").GetProperty("Validation").GetDouble());
        var d = Assert.Single(root.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal("input/articles/x.md", d.GetProperty("file").GetString());
        Assert.Equal(12, d.GetProperty("line").GetInt32());
        Assert.Equal(5, d.GetProperty("column").GetInt32());
        Assert.Equal("warm-up", d.GetProperty("suggestion").GetString());
    }

    [Fact]
    public void Sarif_has_the_2_1_0_shape_with_one_result_per_diagnostic()
    {
        var noFile = new Diagnostic("KG1004", Severity.Error, null, 0, 0, "the input folder does not exist");
        var spaced = new Diagnostic("KG4001", Severity.Warning, "input/my notes/a#1.md", 0, 0, "review due");

        using var json = JsonDocument.Parse(DiagnosticFormats.Sarif([Broken, noFile, spaced], "1.2.3"));

        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToList());
        Assert.Equal("KneeGuide", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);

        Assert.Equal("KG2002", results[0].GetProperty("ruleId").GetString());
        Assert.Equal("error", results[0].GetProperty("level").GetString());
        Assert.Contains("did you mean 'warm-up'?", results[0].GetProperty("message").GetProperty("text").GetString());
        var physical = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("input/articles/x.md", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(12, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(5, physical.GetProperty("region").GetProperty("startColumn").GetInt32());

        // No file: no location at all (an empty uri is not a valid SARIF artifact location).
        Assert.Empty(results[1].GetProperty("locations").EnumerateArray());

        // A file without a line has no region (SARIF forbids a null region), and its uri is percent-encoded.
        Assert.Equal("warning", results[2].GetProperty("level").GetString());
        var spacedLocation = results[2].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("input/my%20notes/a%231.md", spacedLocation.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(spacedLocation.TryGetProperty("region", out _));

        // Each result points at its rule, which a viewer can show by name.
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var rule = rules[results[0].GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("KG2002", rule.GetProperty("id").GetString());
        Assert.Equal("Broken anchor", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("KG4001", rules[results[2].GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
    }

    [Fact]
    public void The_summary_line_counts_pages_links_anchors_and_external_links()
    {
        var line = BuildReport.SummaryLine(Result([Broken], new ValidationSummary(3, 40, 6, 5, 4, 1)), "output");

        Assert.Equal("Build failed: 1 error, 0 warnings; 3 pages, 40 links and 6 anchors checked, 5 external links (4 URLs checked, 1 from cache); output/ left as it was (1.50 s).", line);
    }

    [Fact]
    public void The_summary_line_says_when_external_links_were_not_checked()
    {
        var line = BuildReport.SummaryLine(Result([], new ValidationSummary(3, 40, 6, 5)) with { Published = true, FilesWritten = 9 }, "output");

        Assert.Equal("Built 9 files into output/: 3 pages, 40 links and 6 anchors checked, 5 external links (not checked; use --check-external); 0 warnings, 1.50 s.", line);
    }

    private static BuildResult Result(IReadOnlyList<Diagnostic> diagnostics, ValidationSummary validation) =>
        new(diagnostics, false, TimeSpan.FromSeconds(1.5), validation, new Dictionary<string, TimeSpan> { ["Validation"] = TimeSpan.FromSeconds(0.25) }, 0);
}
