using System.Diagnostics;
using KneeGuide.Cli.Reporting;
using KneeGuide.Tests.Reliability;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Cli;

/// <summary>The command line as an editor meets it: typos, counts, paths in CI annotations, piped listings.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class CommandLineUsabilityTests
{
    [Fact]
    public async Task A_mistyped_command_gets_did_you_mean()
    {
        var (code, _, stderr) = await ConsoleCapture.RunAsync("biuld");

        Assert.Equal(2, code);
        Assert.Contains("unknown command 'biuld' (did you mean 'build'?)", stderr);
    }

    [Fact]
    public async Task A_mistyped_option_gets_did_you_mean()
    {
        var (code, _, stderr) = await ConsoleCapture.RunAsync("build", "--ouput", "x");

        Assert.Equal(2, code);
        Assert.Contains("unknown option '--ouput' for 'build' (did you mean '--output'?)", stderr);
    }

    [Fact]
    public async Task One_error_is_counted_in_the_singular()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("(#first-part)", "(#no-such-part)"));

        var (code, stdout, _) = await ConsoleCapture.RunAsync("build", "--input", site.InputDir, "--output", site.OutputDir, "--theme", site.ThemeDir);

        Assert.Equal(1, code);
        Assert.Contains("Build failed: 1 error, 0 warnings;", stdout);
    }

    [Theory]
    [InlineData("github", "file=input/articles/sample.md,line=16")]
    [InlineData("sarif", "\"uri\": \"input/articles/sample.md\"")]
    public async Task Annotation_paths_are_relative_to_the_repository_root_from_any_folder(string format, string expected)
    {
        using var site = new TestSite();
        // The site is its own repository, and the tests run from another folder.
        Directory.CreateDirectory(Path.Combine(site.Root, ".git"));
        site.Write("articles/sample.md", TestSite.SampleArticle.Replace("(#first-part)", "(#no-such-part)"));

        var (_, stdout, _) = await ConsoleCapture.RunAsync("build", "--input", site.InputDir, "--output", site.OutputDir, "--theme", site.ThemeDir, "--format", format);

        Assert.Contains(expected, stdout);
    }

    [Fact]
    public void A_path_outside_any_repository_is_left_as_it_is()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kneeguide-tests", "no-repo-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal("input/x.md", RepositoryPaths.FromRoot("input/x.md", folder));
    }

    [Fact]
    public async Task The_reviews_listing_piped_keeps_every_path_whole_on_one_line()
    {
        var input = Path.Combine(TestSite.RepositoryRoot, "input");

        var (code, stdout, _) = await ConsoleCapture.RunAsync("reviews", "--input", input);

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("/articles/runners-knee.md  \"Runner's knee", StringComparison.Ordinal));
        Assert.DoesNotContain("│", stdout);
    }

    /// <summary>
    /// The editors' way in the README: pack the CLI as a .NET tool and install it; the installed
    /// `kneeguide` command then builds the site.
    /// </summary>
    [Fact]
    public async Task The_cli_packs_and_installs_as_the_kneeguide_dotnet_tool()
    {
        using var site = new TestSite();
        var packages = Path.Combine(site.Root, "packages");
        var tools = Path.Combine(site.Root, "tools");
        var project = Path.Combine(TestSite.RepositoryRoot, "src", "KneeGuide");

        await RunAsync("dotnet", "pack", project, "-c", "Debug", "-o", packages, "-nologo", "-v", "q");
        await RunAsync("dotnet", "tool", "install", "KneeGuide", "--tool-path", tools, "--source", packages);
        var version = await RunAsync(Path.Combine(tools, "kneeguide"), "--version");
        var build = await RunAsync(Path.Combine(tools, "kneeguide"), "build", "--input", site.InputDir, "--output", site.OutputDir, "--theme", site.ThemeDir);

        Assert.Equal(KneeGuide.Cli.Program.Version, version.Trim());
        Assert.Contains("Built", build);
        Assert.True(site.OutputExists("index.html"));
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The tool runs outside the test host: it must not inherit a forced console width or CI mode.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }
}
