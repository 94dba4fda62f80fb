namespace KneeGuide.Site.Media.Images;

/// <summary>
/// One published version of a source image: its width (the height follows the source's aspect ratio),
/// its format and its encoder quality (0-100; ignored for PNG, which is lossless).
/// </summary>
public sealed record ImageDerivative
{
    public ImageDerivative(int width, DerivativeFormat format, int? quality = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var q = quality ?? DefaultQuality(format);
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 1, nameof(quality));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 100, nameof(quality));
        Width = width;
        Format = format;
        Quality = q;
    }

    public int Width { get; }

    public DerivativeFormat Format { get; }

    public int Quality { get; }

    /// <summary>
    /// Settings of equal quality: the luma SSIM of WebP at q=80 (libwebp's own default) is reached by
    /// JPEG at q=87/85/76 and by AVIF at q=69/65/56 at 480/960/1920 px on the benchmark's phone photo
    /// (bench/imaging/RESULTS.md, "Equal quality"); one value per format, from the middle width.
    /// PNG is lossless: its value is unused.
    /// </summary>
    public static int DefaultQuality(DerivativeFormat format) => format switch
    {
        DerivativeFormat.Webp => 80,
        DerivativeFormat.Avif => 60,
        DerivativeFormat.Jpeg => 85,
        DerivativeFormat.Png => 100,
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The file name extension, without the dot.</summary>
    public string Extension => Format switch
    {
        DerivativeFormat.Webp => "webp",
        DerivativeFormat.Avif => "avif",
        DerivativeFormat.Jpeg => "jpg",
        _ => "png",
    };

    /// <summary>The media type, for a &lt;source type="..."&gt; in a &lt;picture&gt;.</summary>
    public string MediaType => Format switch
    {
        DerivativeFormat.Webp => "image/webp",
        DerivativeFormat.Avif => "image/avif",
        DerivativeFormat.Jpeg => "image/jpeg",
        _ => "image/png",
    };
}
