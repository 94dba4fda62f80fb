using KneeGuide.Cli;
using KneeGuide.Site;
using KneeGuide.Site.Content;
using KneeGuide.Site.Schema;

namespace KneeGuide.Tests.Cli;

[Collection(nameof(Reliability.ConsoleCapture))]
public sealed class NewCommandTests : IDisposable
{
    private readonly string _temp = ServeTestSupport.CopyDefaultSite();

    private string Input => Path.Combine(_temp, "input");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Scaffolded_article_mobility_page_and_exercise_are_drafts_that_build_with_no_diagnostics()
    {
        Assert.Equal(Program.Success, await Program.Main(["new", "article", "knee-taping", "--input", Input]));
        Assert.Equal(Program.Success, await Program.Main(["new", "mobility", "ankle-circles", "--input", Input]));
        Assert.Equal(Program.Success, await Program.Main(["new", "exercise", "wall-slides", "--input", Input]));

        var published = await SiteBuilder.BuildAsync(new BuildOptions(Input, Path.Combine(_temp, "out"), ServeTestSupport.Theme));
        var preview = await SiteBuilder.BuildAsync(new BuildOptions(Input, Path.Combine(_temp, "preview"), ServeTestSupport.Theme) { ShowDrafts = true });

        Assert.Empty(published.Diagnostics);
        Assert.False(File.Exists(Path.Combine(_temp, "out", "articles", "knee-taping", "index.html")));
        Assert.Empty(preview.Diagnostics);
        var draft = File.ReadAllText(Path.Combine(_temp, "preview", "articles", "knee-taping", "index.html"));
        Assert.Contains("class=\"draft-banner\"", draft);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", draft);
        Assert.True(File.Exists(Path.Combine(_temp, "preview", "exercises", "wall-slides", "index.html")));
    }

    [Fact]
    public async Task New_turns_a_title_into_a_slug_and_writes_a_draft()
    {
        var (code, stdout, _) = await Reliability.ConsoleCapture.RunAsync("new", "article", "Knee Taping", "--input", Input);

        Assert.Equal(Program.Success, code);
        var text = File.ReadAllText(Path.Combine(Input, "articles", "knee-taping.md"));
        Assert.Contains("title: \"Knee Taping\"", text);
        Assert.Matches("(?m)^draft: true$", text);
        // The command it suggests is one that exists where the tests run (not installed as a tool).
        Assert.Contains("'dotnet run --project src/KneeGuide -- serve'", stdout);
    }

    [Theory]
    [InlineData("/home/me/.dotnet/tools/kneeguide", "/home/me/.dotnet/tools/.store/kneeguide/0.1.0/kneeguide/0.1.0/tools/net10.0/any/KneeGuide.dll", "kneeguide")]
    [InlineData("/usr/bin/dotnet", "/home/me/.nuget/packages/kneeguide/0.1.0/tools/net10.0/any/KneeGuide.dll", "dotnet run --project src/KneeGuide --")]
    [InlineData("/repo/src/KneeGuide/bin/Debug/net10.0/KneeGuide", "/repo/src/KneeGuide/bin/Debug/net10.0/KneeGuide.dll", "dotnet run --project src/KneeGuide --")]
    public void The_suggested_command_matches_how_KneeGuide_was_started(string process, string assembly, string expected)
    {
        Assert.Equal(expected, CommandLine.Detect(process, assembly));
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
    public async Task An_existing_file_a_name_without_letters_or_an_unknown_kind_is_refused_with_exit_code_1()
    {
        var existing = Path.Combine(Input, "articles", "runners-knee.md");
        var before = await File.ReadAllTextAsync(existing);

        Assert.Equal(1, await Program.Main(["new", "article", "runners-knee", "--input", Input]));
        Assert.Equal(before, await File.ReadAllTextAsync(existing));
        Assert.Equal(1, await Program.Main(["new", "article", "!!!", "--input", Input]));
        Assert.Equal(1, await Program.Main(["new", "recipe", "soup", "--input", Input]));
        // A title with slashes is a title: its slug stays inside the articles folder.
        Assert.Equal(0, await Program.Main(["new", "article", "../escape", "--input", Input]));
        Assert.True(File.Exists(Path.Combine(Input, "articles", "escape.md")));
        Assert.False(File.Exists(Path.Combine(_temp, "escape.md")));
    }
}
