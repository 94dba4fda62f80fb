using KneeGuide.Site.Media.Images;

namespace KneeGuide.Tests.Media;

public sealed class DerivativeWidthsTests
{
    [Theory]
    [InlineData(4032, new[] { 480, 960, 1440, 1920 })]   // a phone photo: all four, nothing larger
    [InlineData(1920, new[] { 480, 960, 1440, 1920 })]   // exactly the largest: it is its own size
    [InlineData(1919, new[] { 480, 960, 1440, 1919 })]
    [InlineData(1440, new[] { 480, 960, 1440 })]
    [InlineData(1000, new[] { 480, 960, 1000 })]         // the largest derivative is the source's own width
    [InlineData(480, new[] { 480 })]
    [InlineData(400, new[] { 400 })]                     // smaller than every standard width: never upscaled
    [InlineData(1, new[] { 1 })]
    public void Standard_widths_up_to_the_source_plus_the_source_width_under_1920(int sourceWidth, int[] expected)
    {
        Assert.Equal(expected, DerivativeWidths.For(sourceWidth));
    }

    [Fact]
    public void A_zero_width_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DerivativeWidths.For(0));
    }

    [Fact]
    public void The_set_for_a_photo_is_webp_avif_and_jpeg_per_width_and_png_for_alpha()
    {
        var photo = new ImageInfo(3024, 4032, ImageFormat.Jpeg, HasAlpha: false, true, true, true, false, Orientation: 6);
        var set = DerivativeSet.For(photo);
        Assert.Equal(12, set.Count);
        Assert.Equal(["webp", "avif", "jpg"], set.Take(3).Select(d => d.Extension));
        Assert.Equal([480, 960, 1440, 1920], set.Select(d => d.Width).Distinct());

        var cutOut = photo with { Width = 1000, Height = 800, Format = ImageFormat.Png, HasAlpha = true };
        var withoutAvif = DerivativeSet.For(cutOut, includeAvif: false);
        Assert.Equal(["webp", "png", "webp", "png", "webp", "png"], withoutAvif.Select(d => d.Extension));
        Assert.Equal([480, 480, 960, 960, 1000, 1000], withoutAvif.Select(d => d.Width));
    }
}
