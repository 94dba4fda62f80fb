using System.Text;
using KneeGuide.Site.Media.Images;

namespace KneeGuide.Tests.Media;

public sealed class ImageProbeTests : IDisposable
{
    private readonly TestImages images = new();

    public void Dispose() => images.Dispose();

    [Fact]
    public void A_phone_photo_is_reported_as_displayed_with_its_metadata_and_orientation()
    {
        var info = ImageProbe.Probe(TestImages.PhonePhoto);

        // Stored 1200x900 with Orientation=6: shown portrait.
        Assert.Equal((900, 1200), (info.Width, info.Height));
        Assert.Equal(6, info.Orientation);
        Assert.Equal(ImageFormat.Jpeg, info.Format);
        Assert.False(info.HasAlpha);
        Assert.True(info.HasExif);
        Assert.True(info.HasXmp);
        Assert.True(info.HasIptc);
        Assert.True(info.HasMetadata);
        Assert.False(info.HasIccProfile);
    }

    [Fact]
    public void A_transparent_png_has_alpha_and_no_metadata()
    {
        var info = ImageProbe.Probe(images.TransparentPng(800, 600));

        Assert.Equal((800, 600, ImageFormat.Png), (info.Width, info.Height, info.Format));
        Assert.True(info.HasAlpha);
        Assert.False(info.HasMetadata);
        Assert.Equal(1, info.Orientation);
    }

    [Theory]
    [InlineData("png", ImageFormat.Png)]
    [InlineData("webp", ImageFormat.Webp)]
    [InlineData("gif", ImageFormat.Gif)]
    [InlineData("avif", ImageFormat.Avif)]
    public void The_format_comes_from_the_content(string extension, ImageFormat expected)
    {
        var path = images.PhonePhotoAs(extension);
        var renamed = Path.ChangeExtension(path, ".jpg");   // a wrong name changes nothing
        File.Move(path, renamed);

        Assert.Equal(expected, ImageProbe.Probe(renamed).Format);
    }

    [Fact]
    public void Exif_orientation_in_a_png_or_webp_counts_too()
    {
        Assert.Equal((900, 1200, 6), Shape(ImageProbe.Probe(images.PhonePhotoAs("png"))));
        Assert.Equal((900, 1200, 6), Shape(ImageProbe.Probe(images.PhonePhotoAs("webp"))));

        static (int, int, int) Shape(ImageInfo i) => (i.Width, i.Height, i.Orientation);
    }

    [Fact]
    public void An_svg_named_png_a_text_file_and_a_missing_file_are_refused()
    {
        var svg = images.Write("drawing.png", Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"));
        var text = images.Write("notes.jpg", Encoding.UTF8.GetBytes("not an image"));

        Assert.Equal($"{svg}: not a JPEG, PNG, WebP, GIF or AVIF image", Assert.Throws<ImageProcessingException>(() => ImageProbe.Probe(svg)).Message);
        Assert.Equal($"{text}: not a JPEG, PNG, WebP, GIF or AVIF image", Assert.Throws<ImageProcessingException>(() => ImageProbe.Probe(text)).Message);
        var missing = Path.Combine(images.Folder, "missing.jpg");
        Assert.Equal($"{missing}: no such file", Assert.Throws<ImageProcessingException>(() => ImageProbe.Probe(missing)).Message);
    }
}
