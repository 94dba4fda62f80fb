using System.Text;
using KneeGuide.Site.Media.Images;
using NetVips;

namespace KneeGuide.Tests.Media;

public sealed class ImageEncoderTests : IDisposable
{
    private readonly TestImages images = new();

    public void Dispose() => images.Dispose();

    public static TheoryData<DerivativeFormat> AllFormats => [DerivativeFormat.Webp, DerivativeFormat.Avif, DerivativeFormat.Jpeg, DerivativeFormat.Png];

    [Fact]
    public void No_derivative_of_a_phone_photo_carries_exif_gps_xmp_iptc_or_a_profile()
    {
        var source = ImageProbe.Probe(TestImages.PhonePhoto);
        Assert.True(source.HasExif && source.HasXmp && source.HasIptc);   // there is something to strip
        var sourceBytes = Encoding.Latin1.GetString(File.ReadAllBytes(TestImages.PhonePhoto));
        Assert.All(["Exif\0\0", "GPSLatitude", "KneeCam", "x:xmpmeta", "Photoshop 3.0", "London"],
            marker => Assert.Contains(marker, sourceBytes, StringComparison.Ordinal));   // and the byte search would see it

        var derivatives = DerivativeSet.For(source).Append(new ImageDerivative(480, DerivativeFormat.Png)).ToList();
        Assert.Equal(7, derivatives.Count);   // 480 and 900 wide, WebP + AVIF + JPEG; a PNG too
        foreach (var spec in derivatives)
        {
            AssertNoMetadata(ImageEncoder.Encode(TestImages.PhonePhoto, spec), $"{spec.Width}.{spec.Extension}");
        }
    }

    [Theory]
    [InlineData("png")]
    [InlineData("webp")]
    public void Metadata_is_stripped_from_png_and_webp_sources_too(string extension)
    {
        var source = images.PhonePhotoAs(extension);
        Assert.True(ImageProbe.Probe(source).HasExif);

        foreach (var format in new[] { DerivativeFormat.Webp, DerivativeFormat.Jpeg })
        {
            AssertNoMetadata(ImageEncoder.Encode(source, new ImageDerivative(480, format)), $"{extension} -> {format}");
        }
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void The_orientation_is_applied_so_a_portrait_photo_stays_portrait_and_upright(DerivativeFormat format)
    {
        var bytes = ImageEncoder.Encode(TestImages.PhonePhoto, new ImageDerivative(480, format));

        using var image = Image.NewFromBuffer(bytes);
        Assert.Equal((480, 640), (image.Width, image.Height));   // 900x1200 shown, scaled to 480 wide
        // The upright picture has a red band along its top: turned the wrong way (or not at all) it
        // would be along a side or the bottom.
        Assert.True(IsRed(image, image.Width / 2, 3), "the red band is not at the top");
        Assert.False(IsRed(image, image.Width / 2, image.Height - 4), "the bottom is red: upside down");
        Assert.False(IsRed(image, 3, image.Height / 2), "the left edge is red: turned a quarter");
    }

    [Fact]
    public void A_source_is_never_enlarged()
    {
        var small = images.SmallJpeg(400, 300);

        foreach (var width in new[] { 480, 960, 1920 })
        {
            using var image = Image.NewFromBuffer(ImageEncoder.Encode(small, new ImageDerivative(width, DerivativeFormat.Webp)));
            Assert.Equal((400, 300), (image.Width, image.Height));
        }

        Assert.Equal([400], DerivativeWidths.For(ImageProbe.Probe(small).Width));
    }

    [Theory]
    [MemberData(nameof(AllFormats))]
    public void The_same_source_and_spec_give_the_same_bytes(DerivativeFormat format)
    {
        var spec = new ImageDerivative(480, format);

        var first = ImageEncoder.Encode(TestImages.PhonePhoto, spec);
        var second = ImageEncoder.Encode(TestImages.PhonePhoto, spec);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Encodes_running_in_parallel_give_the_bytes_of_one_at_a_time()
    {
        var specs = new[] { DerivativeFormat.Webp, DerivativeFormat.Jpeg, DerivativeFormat.Avif }
            .SelectMany(f => new[] { 300, 480 }.Select(w => new ImageDerivative(w, f))).ToArray();
        var serial = specs.Select(s => ImageEncoder.Encode(TestImages.PhonePhoto, s)).ToArray();

        var parallel = new byte[specs.Length][];
        Parallel.For(0, specs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i % specs.Length] = ImageEncoder.Encode(TestImages.PhonePhoto, specs[i % specs.Length]));

        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Encoding_a_whole_set_at_once_gives_the_bytes_of_encoding_each_alone()
    {
        var png = images.TransparentPng(800, 600);
        var specs = DerivativeSet.For(ImageProbe.Probe(png), includeAvif: false);

        var all = ImageEncoder.EncodeAll(png, specs);

        Assert.Equal(specs.Select(s => ImageEncoder.Encode(png, s)), all);
    }

    [Theory]
    [InlineData(DerivativeFormat.Png)]
    [InlineData(DerivativeFormat.Webp)]
    [InlineData(DerivativeFormat.Avif)]
    public void Transparency_is_kept_in_png_webp_and_avif(DerivativeFormat format)
    {
        var source = images.TransparentPng(800, 600);

        using var image = Image.NewFromBuffer(ImageEncoder.Encode(source, new ImageDerivative(480, format)));

        Assert.Equal((480, 360), (image.Width, image.Height));
        Assert.True(image.HasAlpha());
        Assert.Equal(0, Alpha(image, 20, 180));        // the transparent left half
        Assert.Equal(255, Alpha(image, 460, 180));     // the opaque right half
    }

    [Fact]
    public void A_jpeg_of_a_transparent_image_puts_it_on_white()
    {
        using var image = Image.NewFromBuffer(ImageEncoder.Encode(images.TransparentPng(800, 600), new ImageDerivative(480, DerivativeFormat.Jpeg)));

        Assert.False(image.HasAlpha());
        Assert.All(image.Getpoint(20, 180), v => Assert.InRange(v, 245, 255));
    }

    [Fact]
    public void A_wide_gamut_photo_is_converted_to_srgb_and_published_without_its_profile()
    {
        var p3 = images.DisplayP3Jpeg();
        Assert.True(ImageProbe.Probe(p3).HasIccProfile);

        var bytes = ImageEncoder.Encode(p3, new ImageDerivative(480, DerivativeFormat.Webp));
        AssertNoMetadata(bytes, "P3 -> WebP");

        // The P3 file's numbers read as sRGB would be duller; converted back they match the sRGB
        // original closely (both are derivatives of the same pixels).
        using var converted = Image.NewFromBuffer(bytes);
        using var original = Image.NewFromBuffer(ImageEncoder.Encode(TestImages.PhonePhoto, new ImageDerivative(480, DerivativeFormat.Webp)));
        using var rawP3 = Image.Thumbnail(p3, 480, height: 10_000);
        Assert.True(MeanDifference(converted, original) < MeanDifference(rawP3, original) / 2,
            "the P3 pixels were published as they were, not converted to sRGB");
    }

    [Fact]
    public void A_truncated_jpeg_and_a_non_image_fail_with_a_message_naming_the_file()
    {
        var whole = File.ReadAllBytes(TestImages.PhonePhoto);
        var truncated = images.Write("truncated.jpg", whole[..(whole.Length / 2)]);
        var text = images.Write("text.webp", Encoding.UTF8.GetBytes("plain text"));

        var error = Assert.Throws<ImageProcessingException>(() => ImageEncoder.Encode(truncated, new ImageDerivative(480, DerivativeFormat.Webp)));
        Assert.Contains("truncated.jpg", error.Message);
        Assert.Throws<ImageProcessingException>(() => ImageEncoder.Encode(text, new ImageDerivative(480, DerivativeFormat.Webp)));
    }

    internal static void AssertNoMetadata(byte[] bytes, string what)
    {
        var path = Path.Combine(Path.GetTempPath(), "kneeguide-tests", $"probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        try
        {
            var info = ImageProbe.Probe(path);
            Assert.False(info.HasExif, $"{what}: EXIF");
            Assert.False(info.HasXmp, $"{what}: XMP");
            Assert.False(info.HasIptc, $"{what}: IPTC");
            Assert.False(info.HasIccProfile, $"{what}: ICC profile");
            Assert.Equal(1, info.Orientation);
        }
        finally
        {
            File.Delete(path);
        }

        var latin1 = Encoding.Latin1.GetString(bytes);
        foreach (var marker in TestImages.MetadataMarkers)
        {
            Assert.False(latin1.Contains(marker, StringComparison.Ordinal), $"{what}: contains '{marker}'");
        }
    }

    private static bool IsRed(Image image, int x, int y)
    {
        var p = image.Getpoint(x, y);
        return p[0] > 150 && p[1] < 90 && p[2] < 90;
    }

    private static int Alpha(Image image, int x, int y) => (int)Math.Round(image.Getpoint(x, y)[3]);

    private static double MeanDifference(Image a, Image b)
    {
        using var difference = a - b;
        using var magnitude = difference.Abs();
        return magnitude.Avg();
    }
}
