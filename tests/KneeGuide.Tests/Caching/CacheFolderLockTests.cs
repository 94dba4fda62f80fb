using System.Diagnostics;
using KneeGuide.Core.Caching;
using KneeGuide.Site;
using KneeGuide.Tests.Media;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Caching;

/// <summary>One build at a time per cache folder: a second waits, a lock left by a killed build is taken over.</summary>
public sealed class CacheFolderLockTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kneeguide-tests", "lock-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_build_waits_until_the_first_lets_go_and_is_told_why()
    {
        var first = await CacheFolderLock.AcquireAsync(_folder, null, CancellationToken.None);
        var told = new List<int>();
        var second = CacheFolderLock.AcquireAsync(_folder, told.Add, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        Assert.Single(told);

        first.Dispose();
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(File.Exists(Path.Combine(_folder, "build.lock")));
    }

    [Fact]
    public async Task The_lock_file_goes_when_the_build_ends()
    {
        using (await CacheFolderLock.AcquireAsync(_folder, null, CancellationToken.None))
        {
            Assert.True(File.Exists(Path.Combine(_folder, "build.lock")));
        }

        Assert.False(File.Exists(Path.Combine(_folder, "build.lock")));
    }

    [Fact]
    public async Task A_lock_left_by_a_build_that_was_killed_is_taken_over()
    {
        // A process that has ended: its id is no longer running (or belongs to a process started later).
        using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await ended.WaitForExitAsync();
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "build.lock"), $"{ended.Id} 1");

        var told = new List<int>();
        using var held = await CacheFolderLock.AcquireAsync(_folder, told.Add, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(told);
    }

    [Fact]
    public async Task A_wait_can_be_cancelled()
    {
        using var first = await CacheFolderLock.AcquireAsync(_folder, null, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CacheFolderLock.AcquireAsync(_folder, null, cancel.Token));
    }

    /// <summary>
    /// The failure CI met: two sites in one project folder share .kneeguide/cache/, and one build's
    /// sweep of the photos it did not use took the other's from under it (FileNotFoundException).
    /// </summary>
    [Fact]
    public async Task Two_sites_in_one_folder_built_at_once_both_publish_their_photos()
    {
        using var site = new TestSite();
        var other = Path.Combine(site.Root, "other-input");
        TestSite.CopyDirectory(site.InputDir, other);
        site.WriteBytes("images/gym.jpg", File.ReadAllBytes(TestImages.PhonePhoto));
        Directory.CreateDirectory(Path.Combine(other, "images"));
        File.Copy(TestImages.PhonePhoto, Path.Combine(other, "images", "hall.jpg"));
        foreach (var (input, photo) in new[] { (site.InputDir, "gym.jpg"), (other, "hall.jpg") })
        {
            await File.AppendAllTextAsync(Path.Combine(input, "images", "credits.yml"), $"\n{photo}:\n  title: A photo\n  author: Test clinic\n  license: CC BY 4.0\n");
            await File.AppendAllTextAsync(Path.Combine(input, "articles", "sample.md"), $"\n\n![A photo](../images/{photo})\n");
        }

        // The window (between finding a kept photo and copying it) is short in a site this small, so
        // this does not fail every time without the lock; the next test shows the wait itself.
        for (var round = 0; round < 4; round++)
        {
            var stagger = TimeSpan.FromMilliseconds(25 * round);
            var builds = new[] { (site.InputDir, "out-a", TimeSpan.Zero), (other, "out-b", stagger) }
                .Select(build => Task.Run(async () =>
                {
                    await Task.Delay(build.Item3);
                    return await SiteBuilder.BuildAsync(new BuildOptions(build.Item1, Path.Combine(site.Root, build.Item2), site.ThemeDir));
                }))
                .ToList();
            foreach (var result in await Task.WhenAll(builds))
            {
                Assert.True(result.Published, string.Join("\n", result.Diagnostics));
            }
        }

        Assert.True(File.Exists(Path.Combine(site.Root, "out-a", "images", "gym.jpg.480w.webp")));
        Assert.True(File.Exists(Path.Combine(site.Root, "out-b", "images", "hall.jpg.480w.webp")));
    }

    [Fact]
    public async Task A_build_waits_while_another_uses_the_projects_cache_folder()
    {
        using var site = new TestSite();
        var told = new List<int>();
        var held = await CacheFolderLock.AcquireAsync(Path.Combine(site.Root, ".kneeguide", "cache"), null, CancellationToken.None);
        var build = Task.Run(() => SiteBuilder.BuildAsync(new BuildOptions(site.InputDir, site.OutputDir, site.ThemeDir) { WaitingForCache = told.Add }));
        await Task.Delay(500);
        Assert.False(build.IsCompleted);
        Assert.False(site.OutputExists("index.html"));

        held.Dispose();
        var result = await build.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(result.Published);
        Assert.Single(told);
        Assert.False(File.Exists(Path.Combine(site.Root, ".kneeguide", "cache", "build.lock")));
    }
}
