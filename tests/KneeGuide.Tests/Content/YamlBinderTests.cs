using KneeGuide.Core;
using KneeGuide.Site.Content;

namespace KneeGuide.Tests.Content;

/// <summary>
/// The binder reports every mistake at the file's own line and column: the front matter starts on the
/// file's line 2 (line 1 is the opening '---'), exactly as ParseFrontMatter calls it.
/// </summary>
public sealed class YamlBinderTests
{
    private const string File = "input/articles/x.md";

    private static (T? Model, IReadOnlyList<Diagnostic> Diagnostics) Bind<T>(string fileText) where T : class
    {
        var bag = new DiagnosticBag();
        var yaml = FrontMatterSplitter.Split(fileText, File, bag)!;
        var root = YamlText.Parse(yaml, File, 1, bag);
        var model = root is null ? null : new YamlBinder(File, 1, bag).Bind<T>(root);
        return (model, bag.Sorted());
    }

    private static string Where(Diagnostic d) => $"{d.Code} {d.Line}:{d.Column}";

    private const string ValidArticle = """
        ---
        title: Runner's knee
        description: Why it hurts.
        date: 2026-03-14
        tags: [running, knees]
        reviewed: { by: "A. Physio, physiotherapist", on: 2026-04-01 }
        ---
        Body
        """;

    [Fact]
    public void A_valid_article_binds_every_value()
    {
        var (model, diagnostics) = Bind<ArticleFrontMatter>(ValidArticle);

        Assert.Empty(diagnostics);
        Assert.Equal("Runner's knee", model!.Title);
        Assert.Equal(new DateOnly(2026, 3, 14), model.Date);
        Assert.Equal(["running", "knees"], model.Tags.Select(t => t.Value));
        Assert.Equal(new SourceLocation(File, 5, 8), model.Tags[0].Location);
        Assert.Equal("A. Physio, physiotherapist", model.Reviewed!.By);
    }

    [Fact]
    public void Unknown_key_is_reported_at_the_key_with_did_you_mean()
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>("---\ntitle: A\ndescription: B\ndate: 2026-01-01\ntagz: [a]\n---\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("KG1102 5:1", Where(d));
        Assert.Equal("tags", d.Suggestion);
        Assert.Equal("input/articles/x.md:5:1: error KG1102: unknown key 'tagz' (did you mean 'tags'?)", d.ToString());
    }

    [Fact]
    public void A_misspelt_required_key_is_one_error_not_two()
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>("---\ntitel: A\ndescription: B\ndate: 2026-01-01\n---\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("KG1102 2:1", Where(d));
        Assert.Equal("title", d.Suggestion);
    }

    [Fact]
    public void Wrong_type_is_reported_at_the_value()
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>("---\ntitle: A\ndescription: B\ndate: 2026-01-01\ntags:\n  key: value\ndraft: maybe\n---\n");

        Assert.Equal(["KG1103 6:3", "KG1103 7:8"], diagnostics.Select(Where));
        Assert.Contains("'tags' must be a list", diagnostics[0].Message);
        Assert.Contains("'draft' must be true or false", diagnostics[1].Message);
    }

    [Fact]
    public void Invalid_enum_value_is_reported_with_the_closest_value()
    {
        var (_, diagnostics) = Bind<ExerciseFrontMatter>("""
            ---
            title: Heel raises
            summary: Calves.
            targets: [calves]
            difficulty: beginer
            dosage: { sets: 3, reps: "10" }
            steps: ["Stand."]
            ---
            """);

        var d = Assert.Single(diagnostics);
        Assert.Equal("KG1104 5:13", Where(d));
        Assert.Equal("beginner", d.Suggestion);
    }

    [Fact]
    public void Missing_required_key_is_reported_at_the_start_of_its_map()
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>("---\ntitle: A\ndescription: B\n---\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("KG1101 2:1", Where(d));
        Assert.Contains("'date'", d.Message);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("14/03/2026")]
    [InlineData("2026-02-30")]
    public void Invalid_date_is_reported_at_the_value(string date)
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>($"---\ntitle: A\ndescription: B\ndate: {date}\n---\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("KG1104 4:7", Where(d));
        Assert.Contains("ISO date", d.Message);
    }

    [Fact]
    public void A_misspelt_nested_dosage_key_names_its_full_path()
    {
        var (_, diagnostics) = Bind<ExerciseFrontMatter>("""
            ---
            title: Heel raises
            summary: Calves.
            targets: [calves]
            dosage:
              sets: 3
              rep: "10-15"
            steps: ["Stand."]
            ---
            """);

        var d = Assert.Single(diagnostics);
        Assert.Equal("KG1102 7:3", Where(d));
        Assert.Contains("'dosage.rep'", d.Message);
        Assert.Equal("reps", d.Suggestion);
    }

    [Fact]
    public void Several_mistakes_in_one_file_are_all_reported()
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>("---\ntitle: A\ndate: soon\ndraft: nope\ncolour: red\n---\n");

        Assert.Equal(["KG1101 2:1", "KG1104 3:7", "KG1103 4:8", "KG1102 5:1"], diagnostics.Select(Where));
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_the_file_line()
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>("---\ntitle: A\ndescription: [unclosed\ndate: 2026-01-01\n---\n");

        // YamlDotNet fails on this one without a position; the build still names the line.
        var d = Assert.Single(diagnostics);
        Assert.Equal("KG1001", d.Code);
        Assert.Equal(3, d.Line);
    }

    [Fact]
    public void Malformed_yaml_with_a_position_is_reported_there()
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>("---\ntitle: A\ndescription: B\n  date: 2026-01-01\n---\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("KG1001", d.Code);
        Assert.Equal(4, d.Line);
    }

    [Fact]
    public void Deeply_nested_yaml_is_an_error_or_a_value_but_never_a_crash()
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>("---\ntitle: A\ndescription: B\ndate: 2026-01-01\ntags: " + new string('[', 5000) + new string(']', 5000) + "\n---\n");

        Assert.NotEmpty(diagnostics);
    }

    [Fact]
    public void A_duplicate_key_is_reported_as_such()
    {
        var (_, diagnostics) = Bind<ArticleFrontMatter>("---\ntitle: A\ntitle: B\ndescription: B\ndate: 2026-01-01\n---\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal("KG1105", d.Code);
        Assert.Equal(3, d.Line);
    }
}
