using KneeGuide.Cli;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Reliability;

[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture
{
    /// <summary>Runs the CLI's Main with standard output and error captured (Console is process-wide, hence the collection).</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var code = await Program.Main(args);
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}

[Collection(nameof(ConsoleCapture))]
public sealed class CliExitCodeTests
{
    private static string[] Build(TestSite site, params string[] more) =>
        ["build", "--input", site.InputDir, "--output", site.OutputDir, "--theme", site.ThemeDir, .. more];

    [Fact]
    public async Task A_clean_build_exits_0()
    {
        using var site = new TestSite();

        var (code, stdout, _) = await ConsoleCapture.RunAsync(Build(site));

        Assert.Equal(0, code);
        Assert.Contains("Built", stdout);
    }

    [Fact]
    public async Task Content_errors_exit_1_with_editor_lines_and_no_stack_trace()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", "---\ntitle: A\ndescripton: B\ndate: 2026-01-01\n---\n\n[x](nope.md)\n");

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site));

        Assert.Equal(1, code);
        Assert.Contains($"{site.Display("articles/sample.md")}:3:1: error KG1102: unknown key 'descripton' (did you mean 'description'?)", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.DoesNotContain("Exception", stdout + stderr);
    }

    [Fact]
    public async Task A_crash_prone_input_still_exits_1_without_a_stack_trace()
    {
        using var site = new TestSite();
        site.Write("articles/sample.md", "---\ntitle: A\ndescription: [unclosed\ndate: 2026-01-01\n---\n\n" + new string('>', 5000) + "\n");

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site));

        Assert.Equal(1, code);
        Assert.Contains("KG1001", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--format", "yaml")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        using var site = new TestSite();

        var (code, stdout, stderr) = await ConsoleCapture.RunAsync(Build(site, args));

        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.False(Directory.Exists(site.OutputDir));
    }

    [Fact]
    public async Task An_unknown_command_exits_2()
    {
        var (code, _, _) = await ConsoleCapture.RunAsync("frobnicate");

        Assert.Equal(2, code);
    }
}
