using System.Buffers.Binary;
using System.Text;
using KneeGuide.Site.Media;
using KneeGuide.Tests.Support;

namespace KneeGuide.Tests.Media;

/// <summary>The small parts of the media code: video addresses, SVG sizes, clip location, the store of encoded copies.</summary>
public sealed class MediaPartsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kneeguide-tests", "media-" + Guid.NewGuid().ToString("N")[..12]);

    public MediaPartsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/watch?v=dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?t=42", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "vimeo", "76979871")]
    [InlineData("https://vimeo.com/channels/staffpicks/76979871", "vimeo", "76979871")]
    [InlineData("https://player.vimeo.com/video/76979871", "vimeo", "76979871")]
    public void Video_addresses_name_their_provider_and_id(string url, string provider, string id)
    {
        var video = OnlineVideo.Parse(url, out var problem);

        Assert.Null(problem);
        Assert.Equal((provider, id), (video!.Provider, video.Id));
        Assert.StartsWith(provider == "youtube" ? "https://www.youtube-nocookie.com/embed/" : "https://player.vimeo.com/video/", video.EmbedUrl);
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=")]
    [InlineData("https://www.youtube.com/channel/UC123")]
    [InlineData("https://www.youtube.com/watch?v=abc<script>")]
    [InlineData("https://vimeo.com/about")]
    [InlineData("https://example.org/watch?v=dQw4w9WgXcQ")]
    [InlineData("javascript:alert(1)")]
    public void Addresses_that_name_no_video_say_why(string url)
    {
        Assert.Null(OnlineVideo.Parse(url, out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320"/>""", 480, 320)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="480px" height="320px"/>""", 480, 320)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300"/>""", 600, 300)]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="300" viewBox="0 0 600 300"/>""", 300, 150)]
    [InlineData("""<?xml version="1.0"?><!-- drawn by hand --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0,0,40,30"/>""", 40, 30)]
    public void An_svg_size_comes_from_its_width_height_or_view_box(string svg, int width, int height)
    {
        var path = Path.Combine(_folder, "a.svg");
        File.WriteAllText(path, svg);

        Assert.Equal((width, height), SvgSize.Read(path));
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%"/>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"/>""")]
    [InlineData("""<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg" width="&a;"/>""")]
    [InlineData("not xml")]
    public void An_svg_without_a_fixed_size_or_with_a_dtd_has_no_size(string svg)
    {
        var path = Path.Combine(_folder, "b.svg");
        File.WriteAllText(path, svg);

        Assert.Null(SvgSize.Read(path));
    }

    [Fact]
    public void A_clip_with_a_filming_location_in_its_metadata_is_recognised()
    {
        Assert.True(Mp4Location.Has(Mp4(Box("udta", Box("\u00a9xyz", Encoding.ASCII.GetBytes("+51.5074-000.1278/"))))));
        Assert.True(Mp4Location.Has(Mp4(Box("meta", Encoding.ASCII.GetBytes("mdta com.apple.quicktime.location.ISO6709")))));
        Assert.False(Mp4Location.Has(Mp4(Box("udta", Box("name", Encoding.ASCII.GetBytes("demo"))))));
        Assert.False(Mp4Location.Has(Path.Combine(TestSite.RepositoryRoot, "input", "videos", "heel-raise-demo.mp4")));
    }

    [Fact]
    public void The_store_keeps_copies_by_key_and_sweeps_only_its_own_unused_files()
    {
        var store = new DerivativeStore(_folder);
        var used = DerivativeStore.Key(1, "960:Webp:80", "webp");
        store.Keep(used, [1, 2, 3]);
        var other = DerivativeStore.Key(2, "960:Webp:80", "webp");
        File.WriteAllBytes(Path.Combine(_folder, other), [4]);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "the user's");

        var next = new DerivativeStore(_folder);
        Assert.NotNull(next.Find(used));
        next.Sweep();

        Assert.True(File.Exists(Path.Combine(_folder, used)));
        Assert.False(File.Exists(Path.Combine(_folder, other)));
        Assert.True(File.Exists(Path.Combine(_folder, "notes.txt")));
    }

    [Fact]
    public void Keys_differ_by_source_recipe_and_format()
    {
        Assert.NotEqual(DerivativeStore.Key(1, "960:Webp:80", "webp"), DerivativeStore.Key(2, "960:Webp:80", "webp"));
        Assert.NotEqual(DerivativeStore.Key(1, "960:Webp:80", "webp"), DerivativeStore.Key(1, "960:Webp:75", "webp"));
        Assert.EndsWith(".jpg", DerivativeStore.Key(1, "og", "jpg"));
        Assert.Contains("libvips-", DerivativeStore.EncoderVersion);
    }

    private string Mp4(byte[] moovContent)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".mp4");
        File.WriteAllBytes(path, [.. Box("ftyp", Encoding.ASCII.GetBytes("isom0000")), .. Box("mdat", new byte[64]), .. Box("moov", moovContent)]);
        return path;
    }

    private static byte[] Box(string type, byte[] content)
    {
        var box = new byte[8 + content.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.Latin1.GetBytes(type, box.AsSpan(4, 4));
        content.CopyTo(box, 8);
        return box;
    }
}
