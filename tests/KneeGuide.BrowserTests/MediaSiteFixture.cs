namespace KneeGuide.BrowserTests;

/// <summary>
/// The repository's site with a page of phone photos and a YouTube video added (the clinic's own
/// content has drawings and a local clip only), built and served like <see cref="SiteFixture"/>.
/// </summary>
public sealed class MediaSiteFixture : SiteFixture
{
    // A project folder of its own, so its .kneeguide/cache/ is not shared with the other fixtures' sites.
    private readonly string _project = Path.Combine(Path.GetTempPath(), "kneeguide-browser-tests", "media-" + Guid.NewGuid().ToString("N")[..12]);

    private string InputFolder => Path.Combine(_project, "input");

    /// <summary>The page with the photos and the video.</summary>
    public const string PhotoPage = "/articles/photos-and-video/";

    protected override string PrepareInput(string repositoryRoot)
    {
        Copy(Path.Combine(repositoryRoot, "input"), InputFolder);
        var photo = Path.Combine(repositoryRoot, "tests", "KneeGuide.Tests", "Media", "Fixtures", "phone-photo-orientation-6.jpg");
        for (var i = 1; i <= 3; i++)
        {
            File.Copy(photo, Path.Combine(InputFolder, "images", $"gym-{i}.jpg"));
        }

        File.AppendAllText(Path.Combine(InputFolder, "images", "credits.yml"), string.Concat(Enumerable.Range(1, 3).Select(i => $"\ngym-{i}.jpg:\n  title: The clinic's gym, photo {i}\n  author: Test clinic\n  license: CC BY 4.0\n")));
        File.WriteAllText(Path.Combine(InputFolder, "articles", "photos-and-video.md"), """
            ---
            title: Photos and a video
            description: A page with phone photos between paragraphs and a YouTube video, for the browser tests.
            date: 2026-11-30
            ---

            The first photo is the page's first image.

            ![The gym from the door](../images/gym-1.jpg)

            A paragraph between the photos, long enough to push the next one down the page on a phone, so
            that it loads lazily when the reader scrolls to it. Strength work for the knee is mostly done
            with the muscles around the hip and thigh.

            ![The gym from the window](../images/gym-2.jpg)

            Another paragraph of text before the video.

            [Why training load matters](https://www.youtube.com/watch?v=dQw4w9WgXcQ "video")

            ![The gym at night](../images/gym-3.jpg)

            The end.
            """);
        return InputFolder;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_project))
        {
            Directory.Delete(_project, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MediaSiteCollection : ICollectionFixture<MediaSiteFixture>
{
    public const string Name = "Site with photos and a video in chromium";
}
