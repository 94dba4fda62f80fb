using System.Diagnostics;
using KneeGuide.Site.Output;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Reliability;

/// <summary>
/// `build --output` as a new user might mistype it, through the command line: every refusal exits 2,
/// says why and what to do, and leaves every file exactly where it was.
/// </summary>
[Collection(nameof(ConsoleCapture))]
public sealed class OutputFolderSafetyTests
{
    private static string[] Build(TestSite site, string output, params string[] more) =>
        ["build", "--input", site.InputDir, "--output", output, "--theme", site.ThemeDir, .. more];

    /// <summary>Every file under the folder with its bytes, to show nothing was touched.</summary>
    private static SortedDictionary<string, string> Listing(string folder) =>
        new(Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(
                f => Path.GetRelativePath(folder, f).Replace('\\', '/'),
                f => File.Exists(f) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))) : "dir"),
            StringComparer.Ordinal);

    private static void AssertRefused(int code, string stdout, string stderr, string because)
    {
        Assert.Equal(2, code);
        Assert.Contains(because, stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.DoesNotContain("Exception", stdout + stderr);
        Assert.DoesNotContain("Built", stdout);
    }

    [Fact]
    public async Task The_repository_root_of_a_scratch_clone_is_refused_and_nothing_moves()
    {
        using var site = new TestSite();
        var clone = Path.Combine(site.Root, "clone");
        Git("clone", "--quiet", "--no-hardlinks", TestSite.RepositoryRoot, clone);
        // Uncommitted work, as a new user would have it.
        File.WriteAllText(Path.Combine(clone, "input", "articles", "my-draft.md"), "---\ntitle: Draft\n---\n\nnot committed yet\n");
        var before = Listing(clone);

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(
            "build", "--input", Path.Combine(clone, "input"), "--theme", Path.Combine(clone, "theme"), "--output", clone, "--force");

        AssertRefused(code, stdout, stderr, "contains the input folder");
        Assert.Equal(before, Listing(clone));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".clone.*"));
    }

    [Fact]
    public async Task The_input_folder_is_refused_and_the_sources_stay()
    {
        using var site = new TestSite();
        var before = Listing(site.InputDir);

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, site.InputDir, "--force"));

        AssertRefused(code, stdout, stderr, "is the input folder");
        Assert.Equal(before, Listing(site.InputDir));
    }

    [Fact]
    public async Task The_theme_folder_is_refused_and_the_theme_stays()
    {
        using var site = new TestSite();
        var before = Listing(site.ThemeDir);

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, site.ThemeDir, "--force"));

        AssertRefused(code, stdout, stderr, "is the theme folder");
        Assert.Equal(before, Listing(site.ThemeDir));
    }

    [Fact]
    public async Task A_folder_of_source_code_is_refused_without_force()
    {
        using var site = new TestSite();
        var src = Directory.CreateDirectory(Path.Combine(site.Root, "src")).FullName;
        File.WriteAllText(Path.Combine(src, "Program.cs"), "class P {}");
        var before = Listing(src);

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, src));

        AssertRefused(code, stdout, stderr, "did not make (for example 'Program.cs')");
        Assert.Contains("--force", stderr);
        Assert.Equal(before, Listing(src));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".src.*"));
    }

    [Fact]
    public async Task With_force_a_folder_of_other_files_is_replaced_by_the_site()
    {
        using var site = new TestSite();
        var target = Directory.CreateDirectory(Path.Combine(site.Root, "public")).FullName;
        File.WriteAllText(Path.Combine(target, "old.txt"), "old");

        var (code, _, _) = await ConsoleCapture.RunAsync(Build(site, target, "--force"));

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(target, "index.html")));
        Assert.False(File.Exists(Path.Combine(target, "old.txt")));
        Assert.True(OutputMarker.IsMarked(target));
    }

    [Fact]
    public async Task An_empty_existing_folder_is_built_into_and_marked()
    {
        using var site = new TestSite();
        var target = Directory.CreateDirectory(Path.Combine(site.Root, "site")).FullName;

        var (code, _, _) = await ConsoleCapture.RunAsync(Build(site, target));

        Assert.Equal(0, code);
        Assert.True(OutputMarker.IsMarked(target));
        Assert.Equal(["input", "site", "theme"], site.VisibleEntries());
    }

    [Fact]
    public async Task A_folder_the_build_made_is_replaced_on_the_next_build()
    {
        using var site = new TestSite();
        Assert.Equal(0, (await ConsoleCapture.RunAsync(Build(site, site.OutputDir))).Code);
        site.Write("about.md", "---\ntitle: About us\n---\n\nHello.\n");

        var (code, _, _) = await ConsoleCapture.RunAsync(Build(site, site.OutputDir));

        Assert.Equal(0, code);
        Assert.True(site.OutputExists("about/index.html"));
    }

    [Fact]
    public async Task The_file_system_root_is_refused_without_a_stack_trace()
    {
        using var site = new TestSite();

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, "/", "--force"));

        AssertRefused(code, stdout, stderr, "root of the file system");
    }

    [Fact]
    public async Task An_empty_output_path_is_refused_without_a_stack_trace()
    {
        using var site = new TestSite();

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, ""));

        AssertRefused(code, stdout, stderr, "the output folder is empty");
    }

    [Fact]
    public async Task An_output_path_that_is_a_file_is_refused()
    {
        using var site = new TestSite();
        var file = Path.Combine(site.Root, "README.md");
        File.WriteAllText(file, "readme");

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, file));

        AssertRefused(code, stdout, stderr, "is a file, not a folder");
        Assert.Equal("readme", File.ReadAllText(file));
    }

    [Fact]
    public async Task An_unwritable_place_is_a_clear_error_without_a_stack_trace()
    {
        using var site = new TestSite();

        // /proc refuses new folders even to root, which is what the tests run as here.
        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, "/proc/kneeguide-output"));

        AssertRefused(code, stdout, stderr, "cannot create the staging folder");
    }

    [Fact]
    public async Task An_impossibly_long_folder_name_is_a_clear_error_without_a_stack_trace()
    {
        using var site = new TestSite();

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, Path.Combine(site.Root, new string('x', 300))));

        AssertRefused(code, stdout, stderr, "cannot create the staging folder");
    }

    [Fact]
    public async Task A_staging_folder_name_taken_by_someone_elses_folder_is_left_alone()
    {
        using var site = new TestSite();
        var taken = Directory.CreateDirectory(Path.Combine(site.Root, ".output.staging")).FullName;
        File.WriteAllText(Path.Combine(taken, "keep.txt"), "mine");

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, site.OutputDir));

        AssertRefused(code, stdout, stderr, "is in the way");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(taken, "keep.txt")));
    }

    [Fact]
    public async Task A_folder_named_like_a_retired_output_but_not_made_by_KneeGuide_is_not_deleted()
    {
        using var site = new TestSite();
        var lookalike = Directory.CreateDirectory(Path.Combine(site.Root, ".output.retired-mine")).FullName;
        File.WriteAllText(Path.Combine(lookalike, "keep.txt"), "mine");

        Assert.Equal(0, (await ConsoleCapture.RunAsync(Build(site, site.OutputDir))).Code);
        Assert.Equal(0, (await ConsoleCapture.RunAsync(Build(site, site.OutputDir))).Code);
        await Task.Delay(200);

        Assert.Equal("mine", File.ReadAllText(Path.Combine(lookalike, "keep.txt")));
    }

    [Fact]
    public async Task A_failed_build_into_a_new_folder_leaves_no_folder_behind()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", "---\ntitle: Broken\n");

        var (code, _, _) = await ConsoleCapture.RunAsync(Build(site, site.OutputDir));

        Assert.Equal(1, code);
        Assert.Equal(["input", "theme"], site.VisibleEntries());
    }

    private static void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        var stderr = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)} failed: {stderr}");
    }
}
