using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Reliability;

/// <summary>Rebuilds are byte-identical; a failed build leaves the previous output exactly as it was.</summary>
public sealed class OutputSafetyTests
{
    private static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    private static void AssertSame(SortedDictionary<string, byte[]> before, SortedDictionary<string, byte[]> after)
    {
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} differs between the two builds");
        }
    }

    [Fact]
    public async Task Two_builds_of_the_clinic_content_are_byte_identical()
    {
        using var site = new TestSite(withDefaults: false);
        site.CopyRepositoryInput();

        var first = await site.BuildAsync();
        Assert.Empty(first.Diagnostics.Where(d => d.Severity == KneeGuide.Core.Severity.Error).Select(d => d.ToString()));
        var before = Snapshot(site.OutputDir);
        var second = await site.BuildAsync();

        Assert.True(second.Published);
        Assert.True(before.Count > 20, $"only {before.Count} files were produced");
        AssertSame(before, Snapshot(site.OutputDir));
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = new TestSite();
        Assert.True((await site.BuildAsync()).Published);
        var before = Snapshot(site.OutputDir);
        site.Write("articles/new.md", "---\ntitle: New\ndescription: D.\ndate: 2026-02-01\n---\n\n[broken](nope.md)\n");
        site.Write("articles/sample.md", "---\ntitle: Changed\n");

        var failed = await site.BuildAsync();

        Assert.False(failed.Published);
        Assert.True(failed.ErrorCount >= 2);
        AssertSame(before, Snapshot(site.OutputDir));
        Assert.Equal(["input", "output", "theme"], site.VisibleEntries());
    }
}
