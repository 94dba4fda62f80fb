using System.Text;
using KneeGuide.Site.Diagnostics;
using KneeGuide.Site.Media.Images;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Media;

/// <summary>Whole builds of small sites with a phone photo, clips and online videos: what is published, and what is reported where.</summary>
public sealed class MediaSiteTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private TestSite WithPhoto(string markdown)
    {
        _site.WriteBytes("images/gym.jpg", File.ReadAllBytes(TestImages.PhonePhoto));
        _site.Write("images/credits.yml", """
            knee.svg:
              title: A knee
              author: Test author
              license: CC BY 4.0
            gym.jpg:
              title: The clinic's gym
              author: Test clinic
              license: CC BY 4.0
            """);
        return _site.Write("articles/photo.md", $"""
            ---
            title: Photo page
            description: A page with a phone photo.
            date: 2026-01-15
            ---

            {markdown}
            """);
    }

    private TestSite WithClip(bool captions = true, bool credit = true)
    {
        var demo = Path.Combine(TestSite.RepositoryRoot, "input", "videos");
        _site.WriteBytes("videos/demo.mp4", File.ReadAllBytes(Path.Combine(demo, "heel-raise-demo.mp4")));
        _site.WriteBytes("videos/demo.jpg", File.ReadAllBytes(Path.Combine(demo, "heel-raise-demo.jpg")));
        if (captions)
        {
            _site.Write("videos/demo.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nRise onto your toes.\n");
        }

        if (credit)
        {
            _site.Write("videos/credits.yml", """
                demo.mp4:
                  title: Heel raise demonstration
                  author: Test clinic
                  license: CC BY 4.0
                """);
        }

        return _site;
    }

    [Fact]
    public async Task A_phone_photo_is_published_as_upright_copies_without_its_location_camera_or_creator()
    {
        WithPhoto("![The gym](../images/gym.jpg)");

        var result = await _site.BuildAsync();

        Assert.True(result.Published, string.Join('\n', result.Diagnostics));
        var published = Directory.GetFiles(Path.Combine(_site.OutputDir, "images"), "gym.jpg*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["gym.jpg", "gym.jpg.480w.jpg", "gym.jpg.480w.webp", "gym.jpg.900w.jpg", "gym.jpg.900w.webp", "gym.jpg.og.jpg"], published);
        foreach (var file in published)
        {
            var path = Path.Combine(_site.OutputDir, "images", file!);
            var info = ImageProbe.Probe(path);
            Assert.False(info.HasMetadata, file);
            Assert.Equal(1, info.Orientation);
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
            Assert.All(TestImages.MetadataMarkers, marker => Assert.DoesNotContain(marker, text));
        }

        // The photo is portrait once upright (stored 1200x900 with orientation 6): never wider than its source.
        Assert.Equal((900, 1200), (ImageProbe.Probe(Path.Combine(_site.OutputDir, "images", "gym.jpg.900w.webp")).Width, ImageProbe.Probe(Path.Combine(_site.OutputDir, "images", "gym.jpg.900w.webp")).Height));
        var og = ImageProbe.Probe(Path.Combine(_site.OutputDir, "images", "gym.jpg.og.jpg"));
        Assert.Equal((1200, 630), (og.Width, og.Height));
    }

    [Fact]
    public async Task A_photo_becomes_a_picture_with_modern_formats_a_srcset_and_its_shape()
    {
        WithPhoto("![The gym](../images/gym.jpg)\n\nText with a small ![gym](../images/gym.jpg) inline.");

        await _site.BuildAsync();
        var html = _site.ReadOutput("articles/photo/index.html");

        Assert.Contains("<picture><source type=\"image/webp\" srcset=\"/images/gym.jpg.480w.webp 480w, /images/gym.jpg.900w.webp 900w\" sizes=\"(min-width: 48rem) 46rem, calc(100vw - 2rem)\">", html);
        Assert.Contains("<img src=\"/images/gym.jpg.900w.jpg\" srcset=\"/images/gym.jpg.480w.jpg 480w, /images/gym.jpg.900w.jpg 900w\"", html);
        Assert.Contains("width=\"900\" height=\"1200\" alt=\"The gym\" fetchpriority=\"high\"", html);
        // Only the first image of the page is loaded at once.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "fetchpriority=\"high\""));
        Assert.Contains("alt=\"gym\" loading=\"lazy\"", html);
        Assert.DoesNotContain("image/avif", html);
    }

    [Fact]
    public async Task A_pages_own_image_is_its_first_image_and_gets_a_link_preview_crop()
    {
        WithPhoto("![The gym again](../images/gym.jpg)");
        _site.Write("articles/photo.md", _site.ReadInput("articles/photo.md").Replace("date: 2026-01-15", "date: 2026-01-15\nimage: gym.jpg"));

        await _site.BuildAsync();
        var html = _site.ReadOutput("articles/photo/index.html");

        Assert.Contains("<meta property=\"og:image\" content=\"https://test.example.org/images/gym.jpg.og.jpg\">", html);
        Assert.Contains("<meta property=\"og:image:width\" content=\"1200\">", html);
        Assert.Contains("<figure class=\"hero\"><picture>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "fetchpriority=\"high\""));
        Assert.Contains("alt=\"The gym again\" loading=\"lazy\"", html);
    }

    [Fact]
    public async Task A_large_png_with_transparency_keeps_it_in_png_and_webp_copies()
    {
        using var images = new TestImages();
        _site.WriteBytes("images/diagram.png", File.ReadAllBytes(images.TransparentPng(3000, 2000)));
        _site.Write("images/credits.yml", "knee.svg:\n  title: A knee\n  author: Test author\n  license: CC BY 4.0\ndiagram.png:\n  author: Test\n  license: CC0\n");
        _site.Write("articles/sample.md", TestSite.SampleArticle + "\n\n![A diagram](../images/diagram.png)\n");

        var result = await _site.BuildAsync();

        Assert.True(result.Published, string.Join('\n', result.Diagnostics));
        var html = _site.ReadOutput("articles/sample/index.html");
        Assert.Contains("srcset=\"/images/diagram.png.480w.png 480w, /images/diagram.png.960w.png 960w, /images/diagram.png.1440w.png 1440w, /images/diagram.png.1920w.png 1920w\"", html);
        Assert.Contains("width=\"960\" height=\"640\"", html);
        foreach (var copy in new[] { "diagram.png", "diagram.png.1920w.png", "diagram.png.960w.webp" })
        {
            var info = ImageProbe.Probe(Path.Combine(_site.OutputDir, "images", copy));
            Assert.True(info.HasAlpha, copy);
            Assert.False(info.HasMetadata, copy);
        }

        Assert.Equal(1920, ImageProbe.Probe(Path.Combine(_site.OutputDir, "images", "diagram.png")).Width);
    }

    [Fact]
    public async Task Avif_copies_are_made_only_when_site_yml_asks()
    {
        WithPhoto("![The gym](../images/gym.jpg)");
        _site.Write("site.yml", _site.ReadInput("site.yml") + "\nimages:\n  avif: true\n");

        await _site.BuildAsync();

        Assert.True(_site.OutputExists("images/gym.jpg.480w.avif"));
        Assert.Contains("<source type=\"image/avif\" srcset=\"/images/gym.jpg.480w.avif 480w, /images/gym.jpg.900w.avif 900w\"", _site.ReadOutput("articles/photo/index.html"));
    }

    [Fact]
    public async Task A_photo_is_encoded_once_and_the_next_build_takes_the_kept_copies()
    {
        WithPhoto("![The gym](../images/gym.jpg)");
        await _site.BuildAsync();
        var store = Path.Combine(_site.Root, ".kneeguide", "cache", "media");
        var kept = Directory.GetFiles(store).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var firstOutput = File.ReadAllBytes(Path.Combine(_site.OutputDir, "images", "gym.jpg.900w.webp"));

        _site.Write("articles/sample.md", TestSite.SampleArticle + "\nOne more sentence.\n");
        await _site.BuildAsync();

        Assert.Equal(kept, Directory.GetFiles(store).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(firstOutput, File.ReadAllBytes(Path.Combine(_site.OutputDir, "images", "gym.jpg.900w.webp")));
    }

    [Fact]
    public async Task A_photo_taken_off_the_site_has_its_kept_copies_removed_by_the_next_build()
    {
        WithPhoto("![The gym](../images/gym.jpg)");
        await _site.BuildAsync();
        var store = Path.Combine(_site.Root, ".kneeguide", "cache", "media");
        Assert.NotEmpty(Directory.GetFiles(store));

        _site.Write("articles/photo.md", "---\ntitle: Photo page\ndescription: No photo now.\ndate: 2026-01-15\n---\n\nText.\n");
        _site.Delete("images/gym.jpg");
        _site.Write("images/credits.yml", "knee.svg:\n  title: A knee\n  author: Test author\n  license: CC BY 4.0\n");
        await _site.BuildAsync();

        Assert.Empty(Directory.GetFiles(store));
    }

    [Fact]
    public async Task A_drawing_gets_the_width_and_height_its_svg_declares()
    {
        _site.Write("images/plan.svg", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300"><rect width="600" height="300"/></svg>""");
        _site.Write("images/credits.yml", "knee.svg:\n  title: A knee\n  author: Test author\n  license: CC BY 4.0\nplan.svg:\n  author: Test\n  license: CC0\n");
        _site.Write("articles/sample.md", TestSite.SampleArticle + "\n\n![A plan](../images/plan.svg)\n");

        await _site.BuildAsync();

        Assert.Contains("<img src=\"/images/plan.svg\" width=\"600\" height=\"300\" alt=\"A plan\"", _site.ReadOutput("articles/sample/index.html"));
    }

    [Fact]
    public async Task A_drawing_without_a_size_is_reported_where_it_is_used()
    {
        _site.Write("images/plan.svg", """<svg xmlns="http://www.w3.org/2000/svg"><rect width="600" height="300"/></svg>""");
        _site.Write("images/credits.yml", "knee.svg:\n  title: A knee\n  author: Test author\n  license: CC BY 4.0\nplan.svg:\n  author: Test\n  license: CC0\n");
        _site.Write("articles/sample.md", TestSite.SampleArticle + "\n\n![A plan](../images/plan.svg)\n");

        var lines = (await _site.BuildAsync()).Diagnostics.Select(_site.DescribeRelative).ToList();

        Assert.Contains($"{ErrorCodes.SvgWithoutSize} articles/sample.md:18:1", lines);
    }

    [Fact]
    public async Task A_small_photo_as_a_pages_own_image_is_reported_as_too_small()
    {
        using var images = new TestImages();
        _site.WriteBytes("images/small.jpg", File.ReadAllBytes(images.SmallJpeg()));
        _site.Write("images/credits.yml", "knee.svg:\n  title: A knee\n  author: Test author\n  license: CC BY 4.0\nsmall.jpg:\n  author: Test\n  license: CC0\n");
        _site.Write("articles/sample.md", TestSite.SampleArticle.Replace("date: 2026-01-15", "date: 2026-01-15\nimage: small.jpg"));

        var result = await _site.BuildAsync();

        var warning = Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.ImageTooSmall);
        Assert.Equal(("articles/sample.md", 5, 8), (_site.DescribeRelative(warning).Split(' ')[1].Split(':')[0], warning.Line, warning.Column));
        Assert.Contains("400 pixels wide", warning.Message);
        Assert.True(result.Published);
    }

    [Fact]
    public async Task A_source_photo_over_the_budget_and_a_page_over_its_weight_are_warned_about()
    {
        WithPhoto("![The gym](../images/gym.jpg)");
        _site.Write("site.yml", _site.ReadInput("site.yml") + "\nimages:\n  max_source_kb: 50\n  page_budget_kb: 10\n");

        var result = await _site.BuildAsync();

        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.LargeSourceImage && d.Line == 7);
        Assert.Contains(result.Diagnostics, d => d.Code == ErrorCodes.PageImageBudget && d.Line == 7);
        Assert.True(result.Published);
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_is_reported_at_the_file()
    {
        _site.Write("images/broken.jpg", "this is not a JPEG");
        _site.Write("images/credits.yml", "knee.svg:\n  title: A knee\n  author: Test author\n  license: CC BY 4.0\nbroken.jpg:\n  author: Test\n  license: CC0\n");

        var result = await _site.BuildAsync();

        var error = Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.UnreadableImage);
        Assert.EndsWith("images/broken.jpg", error.File);
        Assert.False(result.Published);
    }

    [Fact]
    public async Task Raw_html_images_of_the_sites_photos_get_a_srcset_and_their_size()
    {
        WithPhoto("<p><img src=\"/images/gym.jpg\" alt=\"The gym\"></p>");

        await _site.BuildAsync();

        Assert.Contains("<img src=\"/images/gym.jpg\" alt=\"The gym\" srcset=\"/images/gym.jpg.480w.webp 480w, /images/gym.jpg.900w.webp 900w\" sizes=\"(min-width: 48rem) 46rem, calc(100vw - 2rem)\" width=\"900\" height=\"1200\" loading=\"lazy\" decoding=\"async\">", _site.ReadOutput("articles/photo/index.html"));
    }

    [Fact]
    public async Task A_clip_alone_in_its_paragraph_is_a_player_with_captions_a_poster_and_its_credit()
    {
        WithClip().Write("articles/sample.md", TestSite.SampleArticle + "\n\n![Heel raise demonstration](../videos/demo.mp4)\n");

        var result = await _site.BuildAsync();

        Assert.True(result.Published, string.Join('\n', result.Diagnostics));
        var html = _site.ReadOutput("articles/sample/index.html");
        Assert.Contains("<video controls preload=\"none\" playsinline poster=\"/videos/demo.jpg\" width=\"640\" height=\"480\" aria-label=\"Heel raise demonstration\">", html);
        Assert.Contains("<track kind=\"captions\" src=\"/videos/demo.vtt\" srclang=\"en\" label=\"English\" default>", html);
        Assert.Contains("Video: Test clinic, CC BY 4.0.", html);
        Assert.DoesNotContain("autoplay", html);
        Assert.True(_site.OutputExists("videos/demo.mp4"));
        Assert.False(_site.OutputExists("videos/credits.yml"));
        Assert.False(ImageProbe.Probe(Path.Combine(_site.OutputDir, "videos", "demo.jpg")).HasMetadata);
        Assert.Contains("/videos/demo.mp4", _site.ReadOutput("credits/index.html"));
    }

    [Fact]
    public async Task A_clip_without_captions_or_credit_is_an_error_at_the_line_that_shows_it()
    {
        WithClip(captions: false, credit: false).Write("articles/sample.md", TestSite.SampleArticle + "\n\n![Heel raise demonstration](../videos/demo.mp4)\n");

        var result = await _site.BuildAsync();

        var lines = result.Diagnostics.Select(_site.DescribeRelative).ToList();
        Assert.Contains($"{ErrorCodes.MissingCaptions} articles/sample.md:18:1", lines);
        Assert.Contains($"{ErrorCodes.MissingCredit} articles/sample.md:18:1", lines);
        Assert.False(result.Published);
    }

    [Fact]
    public async Task A_clip_inside_a_sentence_is_an_error()
    {
        WithClip().Write("articles/sample.md", TestSite.SampleArticle + "\n\nWatch ![demo](../videos/demo.mp4) here.\n");

        var lines = (await _site.BuildAsync()).Diagnostics.Select(_site.DescribeRelative).ToList();

        Assert.Contains($"{ErrorCodes.VideoNotAlone} articles/sample.md:18:7", lines);
    }

    [Fact]
    public async Task A_youtube_link_titled_video_is_a_click_to_load_player_that_requests_nothing_from_youtube()
    {
        _site.Write("articles/sample.md", TestSite.SampleArticle + "\n\n[Why load matters](https://youtu.be/dQw4w9WgXcQ \"video\")\n");

        var result = await _site.BuildAsync();

        Assert.True(result.Published, string.Join('\n', result.Diagnostics));
        var html = _site.ReadOutput("articles/sample/index.html");
        Assert.Contains("<div class=\"video-facade\" data-embed=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\" data-title=\"Why load matters\"><a class=\"video-facade-link\" href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">", html);
        Assert.Contains("<script src=\"/assets/js/video-facade.js\" defer></script>", html);
        // Nothing on the page loads from the video host: no iframe, no thumbnail.
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("i.ytimg.com", html);
        Assert.DoesNotContain("video-facade.js", _site.ReadOutput("index.html"));
    }

    [Fact]
    public async Task A_vimeo_link_titled_video_asks_the_player_not_to_track()
    {
        _site.Write("articles/sample.md", TestSite.SampleArticle + "\n\n[Why load matters](https://vimeo.com/76979871 \"video\")\n");

        await _site.BuildAsync();

        Assert.Contains("data-embed=\"https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1\"", _site.ReadOutput("articles/sample/index.html"));
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=")]
    [InlineData("https://www.youtube.com/watch?v=short")]
    [InlineData("https://example.org/video/123")]
    public async Task A_video_address_that_names_no_video_is_an_error_at_its_line(string url)
    {
        _site.Write("articles/sample.md", TestSite.SampleArticle + $"\n\n[Why load matters]({url} \"video\")\n");

        var result = await _site.BuildAsync();

        Assert.Contains($"{ErrorCodes.BadVideoAddress} articles/sample.md:18:1", result.Diagnostics.Select(_site.DescribeRelative));
    }

    [Fact]
    public async Task An_exercises_video_is_shown_with_its_steps_and_as_a_watch_link_on_its_card()
    {
        WithClip();
        var exercise = _site.ReadInput("exercises/heel-raises.md").Replace("image: knee.svg", "image: knee.svg\nvideo: demo.mp4");
        _site.Write("exercises/heel-raises.md", exercise);

        var result = await _site.BuildAsync();

        Assert.True(result.Published, string.Join('\n', result.Diagnostics));
        Assert.Contains("<div class=\"exercise-video\" id=\"video\"><video controls preload=\"none\"", _site.ReadOutput("exercises/heel-raises/index.html"));
        Assert.Contains("<a href=\"/exercises/heel-raises/#video\">Watch how it is done", _site.ReadOutput("articles/sample/index.html"));
    }

    [Fact]
    public async Task An_exercises_online_video_loads_the_facade_script()
    {
        var exercise = _site.ReadInput("exercises/heel-raises.md").Replace("image: knee.svg", "image: knee.svg\nvideo: https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        _site.Write("exercises/heel-raises.md", exercise);

        await _site.BuildAsync();

        var html = _site.ReadOutput("exercises/heel-raises/index.html");
        Assert.Contains("class=\"video-facade\"", html);
        Assert.Contains("video-facade.js", html);
    }

    [Fact]
    public async Task An_exercises_missing_clip_is_reported_at_its_video_line_with_the_nearest_name()
    {
        WithClip();
        _site.Write("exercises/heel-raises.md", _site.ReadInput("exercises/heel-raises.md").Replace("image: knee.svg", "image: knee.svg\nvideo: dmeo.mp4"));

        var result = await _site.BuildAsync();

        var error = Assert.Single(result.Diagnostics, d => d.Code == ErrorCodes.MissingFile);
        Assert.Equal(13, error.Line);
        Assert.Equal("demo.mp4", error.Suggestion);
    }

    [Fact]
    public void The_sites_csp_frames_exactly_the_players_the_facade_loads()
    {
        var toml = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "netlify.toml"));
        var csp = toml.Split("\n").First(l => l.TrimStart().StartsWith("Content-Security-Policy", StringComparison.Ordinal)); // the site's own (/*), not /admin/*'s
        var frameSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("frame-src", StringComparison.Ordinal));

        Assert.Equal(KneeGuide.Site.Media.OnlineVideo.FrameOrigins, frameSrc.Split(' ').Skip(1));
        var script = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "theme", "assets", "js", "video-facade.js"));
        Assert.All(KneeGuide.Site.Media.OnlineVideo.FrameOrigins, origin => Assert.Contains(origin, script));
    }
}
