using KneeGuide.Site.Output;

namespace KneeGuide.Tests.Reliability;

/// <summary>
/// The rules for which folder a build may replace, checked on real folders in a scratch area
/// (the end-to-end cases through the command line are in <see cref="OutputFolderSafetyTests"/>).
/// </summary>
public sealed class OutputFolderRulesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kneeguide-tests", "rules-" + Guid.NewGuid().ToString("N")[..10]);

    public OutputFolderRulesTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "project", "input"));
        Directory.CreateDirectory(Path.Combine(_root, "project", "theme"));
    }

    private string Project => Path.Combine(_root, "project");

    private string Input => Path.Combine(Project, "input");

    private string Theme => Path.Combine(Project, "theme");

    private string? Check(string output, bool force = false, string? current = null, string? home = null) =>
        OutputFolderRules.Check(output, Input, Theme, force, current ?? _root, home ?? Path.Combine(_root, "home"));

    [Fact]
    public void A_missing_folder_may_be_built_into()
    {
        Assert.Null(Check(Path.Combine(Project, "output")));
    }

    [Fact]
    public void An_empty_folder_may_be_built_into()
    {
        Directory.CreateDirectory(Path.Combine(Project, "site"));

        Assert.Null(Check(Path.Combine(Project, "site")));
    }

    [Fact]
    public void A_folder_KneeGuide_made_may_be_replaced()
    {
        var output = Directory.CreateDirectory(Path.Combine(Project, "output")).FullName;
        File.WriteAllText(Path.Combine(output, "index.html"), "<p>old</p>");
        OutputMarker.Write(output);

        Assert.Null(Check(output));
    }

    [Fact]
    public void A_folder_of_someone_elses_files_is_refused_unless_forced()
    {
        var output = Directory.CreateDirectory(Path.Combine(Project, "notes")).FullName;
        File.WriteAllText(Path.Combine(output, "draft.txt"), "mine");

        var refusal = Check(output);

        Assert.NotNull(refusal);
        Assert.Contains("did not make", refusal);
        Assert.Contains("'draft.txt'", refusal);
        Assert.Contains("--force", refusal);
        Assert.Null(Check(output, force: true));
    }

    [Fact]
    public void A_fake_marker_that_is_not_the_marker_text_does_not_count()
    {
        var output = Directory.CreateDirectory(Path.Combine(Project, "notes")).FullName;
        File.WriteAllText(Path.Combine(output, OutputMarker.FileName), "something else");

        Assert.NotNull(Check(output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("out\0put")]
    public void An_empty_or_impossible_path_is_refused_even_with_force(string output)
    {
        Assert.NotNull(Check(output, force: true));
    }

    [Fact]
    public void The_input_folder_is_refused_even_with_force()
    {
        Assert.Contains("is the input folder", Check(Input, force: true));
    }

    [Fact]
    public void The_theme_folder_is_refused_even_with_force()
    {
        Assert.Contains("is the theme folder", Check(Theme, force: true));
    }

    [Fact]
    public void A_folder_containing_the_input_folder_is_refused_even_with_force()
    {
        Assert.Contains("contains the input folder", Check(Project, force: true));
    }

    [Fact]
    public void A_folder_inside_the_input_folder_is_refused_even_with_force()
    {
        Assert.Contains("inside the input folder", Check(Path.Combine(Input, "site"), force: true));
    }

    [Fact]
    public void A_folder_holding_a_git_repository_is_refused_even_with_force()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_root, "other-repo", ".git")).Parent!.FullName;

        Assert.Contains(".git", Check(repo, force: true));
    }

    [Fact]
    public void A_git_worktree_whose_git_is_a_file_is_refused_even_with_force()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_root, "worktree")).FullName;
        File.WriteAllText(Path.Combine(repo, ".git"), "gitdir: /somewhere/else\n");

        Assert.Contains(".git", Check(repo, force: true));
    }

    [Fact]
    public void The_current_folder_is_refused_even_with_force()
    {
        var current = Directory.CreateDirectory(Path.Combine(_root, "somewhere")).FullName;

        Assert.Contains("current folder", Check(current, force: true, current: current));
        Assert.Contains("current folder", Check(current + Path.DirectorySeparatorChar, force: true, current: current));
    }

    [Fact]
    public void The_file_system_root_is_refused_even_with_force()
    {
        Assert.Contains("root of the file system", Check(Path.GetPathRoot(_root)!, force: true));
    }

    [Fact]
    public void The_home_folder_is_refused_even_with_force()
    {
        var home = Directory.CreateDirectory(Path.Combine(_root, "home")).FullName;

        Assert.Contains("home folder", Check(home, force: true, home: home));
    }

    [Fact]
    public void A_file_is_refused()
    {
        var file = Path.Combine(Project, "README.md");
        File.WriteAllText(file, "readme");

        Assert.Contains("is a file", Check(file, force: true));
    }

    [Fact]
    public void A_symbolic_link_to_the_input_folder_is_the_input_folder()
    {
        var link = Path.Combine(_root, "link-to-input");
        Directory.CreateSymbolicLink(link, Input);

        Assert.Contains("is the input folder", Check(link, force: true));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
