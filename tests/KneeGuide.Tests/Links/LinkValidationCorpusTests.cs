using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Links;

/// <summary>
/// Builds every case of <see cref="LinkValidationCorpus"/>: a valid case must produce no diagnostic
/// at all; a broken case must produce exactly its expected diagnostics (code, file, line, column),
/// each once, and must not publish.
/// </summary>
public sealed class LinkValidationCorpusTests
{
    public static TheoryData<string> ValidCases() => new(LinkValidationCorpus.Valid().Select(c => c.Name));

    public static TheoryData<string> BrokenCases() => new(LinkValidationCorpus.Broken().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(ValidCases))]
    public async Task Valid_case_builds_without_any_diagnostic(string name)
    {
        var @case = LinkValidationCorpus.Valid().Single(c => c.Name == name);
        using var site = new TestSite();
        @case.Arrange(site);

        var result = await site.BuildAsync();

        // A valid case may expect warnings (advice that does not stop publishing), never errors.
        Assert.Equal(@case.Expected.Order(StringComparer.Ordinal), result.Diagnostics.Select(site.DescribeRelative).Order(StringComparer.Ordinal));
        Assert.True(result.Published);
    }

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public async Task Broken_case_reports_exactly_its_diagnostics_once(string name)
    {
        var @case = LinkValidationCorpus.Broken().Single(c => c.Name == name);
        using var site = new TestSite();
        if (!TryArrange(@case, site))
        {
            return; // symbolic links need a permission this platform does not give
        }

        var result = await site.BuildAsync();

        var expected = @case.Expected.Order(StringComparer.Ordinal).ToList();
        var actual = result.Diagnostics.Select(d => site.DescribeRelative(d)).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"expected:\n  {string.Join("\n  ", expected)}\nactual:\n  {string.Join("\n  ", result.Diagnostics.Select(d => site.DescribeRelative(d) + "  " + d.Message))}");
        Assert.All(result.Diagnostics, d => Assert.False(d.ToString().Contains("   at ", StringComparison.Ordinal)));
        Assert.False(result.Published);
        Assert.False(Directory.Exists(site.OutputDir));
    }

    private static bool TryArrange(CorpusCase @case, TestSite site)
    {
        try
        {
            @case.Arrange(site);
            return true;
        }
        catch (Exception e) when (@case.Name.StartsWith("symlink", StringComparison.Ordinal) && e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }
}
