using KneeGuide.Site.Media.Images;
using NetVips;

namespace KneeGuide.Tests.Media;

public sealed class OpenGraphImageTests : IDisposable
{
    private readonly TestImages images = new();

    public void Dispose() => images.Dispose();

    [Fact]
    public void A_portrait_phone_photo_gives_a_1200x630_jpeg_without_metadata_the_same_every_time()
    {
        var first = OpenGraphImage.Crop(TestImages.PhonePhoto);

        using var image = Image.NewFromBuffer(first);
        Assert.Equal((1200, 630), (image.Width, image.Height));
        Assert.Equal("jpegload_buffer", image.Get("vips-loader"));
        ImageEncoderTests.AssertNoMetadata(first, "OpenGraph crop");
        Assert.Equal(first, OpenGraphImage.Crop(TestImages.PhonePhoto));
    }

    [Fact]
    public void A_small_or_transparent_source_still_gives_1200x630()
    {
        foreach (var source in new[] { images.SmallJpeg(400, 300), images.TransparentPng(800, 600) })
        {
            using var image = Image.NewFromBuffer(OpenGraphImage.Crop(source));
            Assert.Equal((1200, 630, 3), (image.Width, image.Height, image.Bands));
        }
    }
}
