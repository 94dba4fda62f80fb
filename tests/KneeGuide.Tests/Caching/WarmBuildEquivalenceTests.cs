using KneeGuide.Core.Caching;
using KneeGuide.Site;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Caching;

/// <summary>
/// The build cache may make a build faster, never different: a seeded random sequence of the edits
/// editors make (text, front matter, new, deleted and renamed files, images, credits, site.yml, the
/// theme, broken and mended links) is applied to the clinic's site, and after each one a warm build
/// must give exactly the output and the diagnostics of a cold build of the same files.
/// </summary>
public sealed class WarmBuildEquivalenceTests
{
    [Theory]
    [InlineData(20261201, false)]
    [InlineData(7, false)]
    [InlineData(42, true)]
    public async Task A_warm_build_after_every_kind_of_edit_equals_a_cold_build(int seed, bool cacheKeptInMemory)
    {
        using var site = new TestSite(withDefaults: false);
        site.CopyRepositoryInput();
        var edits = new SiteEdits(site, new Random(seed));
        var warmOptions = new BuildOptions(site.InputDir, site.OutputDir, site.ThemeDir) { Today = new DateOnly(2026, 12, 1) };
        BuildCache? memory = cacheKeptInMemory ? SiteBuilder.OpenCache(warmOptions) : null;
        await SiteBuilder.BuildAsync(warmOptions, cache: memory);

        for (var step = 0; step < 30; step++)
        {
            var edit = edits.Next();
            var warm = await SiteBuilder.BuildAsync(warmOptions, cache: memory);
            var coldOutput = Path.Combine(site.Root, "cold-" + step);
            var cold = await SiteBuilder.BuildAsync(warmOptions with { Output = coldOutput, NoCache = true, CacheFile = Path.Combine(site.Root, "cold.cache") });

            var context = $"seed {seed}, step {step}: {edit}";
            Assert.True(cold.Published == warm.Published, $"{context}: cold published {cold.Published}, warm {warm.Published}\n{string.Join("\n", cold.Diagnostics)}");
            Assert.True(
                cold.Diagnostics.Select(d => d.ToString()).SequenceEqual(warm.Diagnostics.Select(d => d.ToString())),
                $"{context}: diagnostics differ\ncold:\n  {string.Join("\n  ", cold.Diagnostics)}\nwarm:\n  {string.Join("\n  ", warm.Diagnostics)}");
            if (cold.Published)
            {
                OutputComparison.AssertSame(coldOutput, site.OutputDir, context);
                Assert.True(warm.CacheHits > 0 || step == 0, $"{context}: the warm build reused nothing");
            }

            foreach (var folder in new[] { coldOutput, Path.Combine(site.Root, $".cold-{step}.staging") }.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
