using KneeGuide.Cli;
using KneeGuide.Site;
using KneeGuide.Site.Content;
using KneeGuide.Site.Schema;

namespace KneeGuide.Tests.Cli;

public sealed class NewCommandTests : IDisposable
{
    private readonly string _temp = ServeTestSupport.CopyDefaultSite();

    private string Input => Path.Combine(_temp, "input");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Scaffolded_article_mobility_page_and_exercise_build_with_no_diagnostics()
    {
        Assert.Equal(Program.Success, await Program.Main(["new", "article", "knee-taping", "--input", Input]));
        Assert.Equal(Program.Success, await Program.Main(["new", "mobility", "ankle-circles", "--input", Input]));
        Assert.Equal(Program.Success, await Program.Main(["new", "exercise", "wall-slides", "--input", Input]));

        var result = await SiteBuilder.BuildAsync(new BuildOptions(Input, Path.Combine(_temp, "out"), ServeTestSupport.Theme));

        Assert.Empty(result.Diagnostics);
        Assert.True(File.Exists(Path.Combine(_temp, "out", "articles", "knee-taping", "index.html")));
        Assert.True(File.Exists(Path.Combine(_temp, "out", "exercises", "wall-slides", "index.html")));
    }

    [Theory]
    [InlineData(ContentKind.Article, typeof(ArticleFrontMatter))]
    [InlineData(ContentKind.Exercise, typeof(ExerciseFrontMatter))]
    public void Every_key_of_the_model_is_shown_with_its_description(ContentKind kind, Type model)
    {
        var text = FrontMatterScaffold.Create(kind, "x", new DateOnly(2026, 1, 2));
        foreach (var (key, property) in FrontMatterSchemas.Members(model))
        {
            var description = ((System.ComponentModel.DescriptionAttribute)Attribute.GetCustomAttribute(property, typeof(System.ComponentModel.DescriptionAttribute))!).Description;
            Assert.Matches($"(?m)^(# )?{key}:", text);
            Assert.Contains("# " + description, text);
        }

        // Switches keep the model's defaults: a new page must not quietly turn link checking off.
        Assert.DoesNotMatch("(?m)^link_check: false", text);
    }

    [Fact]
    public async Task An_existing_file_or_an_invalid_slug_is_refused_with_exit_code_1()
    {
        var existing = Path.Combine(Input, "articles", "runners-knee.md");
        var before = await File.ReadAllTextAsync(existing);

        Assert.Equal(1, await Program.Main(["new", "article", "runners-knee", "--input", Input]));
        Assert.Equal(before, await File.ReadAllTextAsync(existing));
        Assert.Equal(1, await Program.Main(["new", "article", "Knee_Taping", "--input", Input]));
        Assert.Equal(1, await Program.Main(["new", "article", "../escape", "--input", Input]));
        Assert.Equal(1, await Program.Main(["new", "recipe", "soup", "--input", Input]));
        Assert.False(File.Exists(Path.Combine(_temp, "escape.md")));
    }
}
