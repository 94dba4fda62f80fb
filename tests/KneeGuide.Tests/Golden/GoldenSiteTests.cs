using KneeGuide.Site;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Golden;

/// <summary>
/// Whole fixture sites whose expected output is checked in (Zola's test sites, Markdig's spec files):
/// each folder under Golden/Sites has an input/ and an expected/ holding every file the build must
/// write, byte for byte, and diagnostics.txt with every diagnostic. A change of output shows as a
/// diff to review. After an intended change, regenerate with:
/// KNEEGUIDE_UPDATE_GOLDEN=1 dotnet test tests/KneeGuide.Tests --filter "FullyQualifiedName~GoldenSiteTests"
/// </summary>
public sealed class GoldenSiteTests
{
    private static readonly string Sites = Path.Combine(TestSite.RepositoryRoot, "tests", "KneeGuide.Tests", "Golden", "Sites");

    public static TheoryData<string> Names() => new(Directory.GetDirectories(Sites).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_golden_site_builds_to_its_checked_in_output(string name)
    {
        using var site = new TestSite(withDefaults: false);
        CopyFolder(Path.Combine(Sites, name, "input"), site.InputDir);

        var result = await SiteBuilder.BuildAsync(new BuildOptions(site.InputDir, site.OutputDir, site.ThemeDir) { Today = new DateOnly(2026, 12, 1) });

        // Messages name files by the input folder as shown, which is a temporary folder here.
        var shownInput = SiteBuilder.DisplayPath(site.InputDir);
        var diagnostics = string.Join("", result.Diagnostics.Select(d => $"{site.DescribeRelative(d)} {d.SeverityName}: {d.Message.Replace(shownInput, "input", StringComparison.Ordinal)}{(d.Suggestion is null ? "" : $" (did you mean '{d.Suggestion}'?)")}\n"));
        var expected = Path.Combine(Sites, name, "expected");
        var expectedDiagnostics = Path.Combine(Sites, name, "diagnostics.txt");
        if (Environment.GetEnvironmentVariable("KNEEGUIDE_UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(expected))
            {
                Directory.Delete(expected, recursive: true);
            }

            if (result.Published)
            {
                CopyFolder(site.OutputDir, expected);
            }

            File.WriteAllText(expectedDiagnostics, diagnostics);
            return;
        }

        Assert.Equal(File.ReadAllText(expectedDiagnostics), diagnostics);
        Assert.Equal(Directory.Exists(expected), result.Published);
        if (result.Published)
        {
            OutputComparison.AssertSame(expected, site.OutputDir, $"golden site '{name}'");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
