using NetVips;

namespace KneeGuide.Site.Media.Images;

/// <summary>
/// Encodes prepared pixels to one derivative format. Every saver is told to keep no metadata
/// (keep=None): no EXIF, XMP, IPTC or ICC block, so no GPS position or camera serial is published.
/// Each setting is fixed here, never left to a default that could change with the machine.
/// </summary>
internal static class FormatWriter
{
    /// <summary>
    /// The AVIF encoder's effort (0-9; libaom's speed is 9 minus this). 2 costs ~0.6 s of CPU per
    /// megapixel and gives files 12-25% smaller than WebP's; 3 is no smaller for twice the time, 4 is
    /// 0-7% smaller for ~8x (bench/imaging/RESULTS.md, "AVIF").
    /// </summary>
    internal const int AvifEffort = 2;

    /// <summary>WebP's method (0-6): libwebp's own default, the setting measured in bench/imaging/RESULTS.md.</summary>
    private const int WebpEffort = 4;

    /// <summary>zlib's level (0-9): its own default, the usual balance of size and time; PNG derivatives are graphics with transparency, not photos.</summary>
    private const int PngCompression = 6;

    /// <summary>What transparent areas become where the format has no alpha (JPEG): the page's white.</summary>
    private static readonly double[] White = [255, 255, 255];

    public static byte[] Write(Image image, DerivativeFormat format, int quality) => format switch
    {
        DerivativeFormat.Webp => image.WebpsaveBuffer(q: quality, effort: WebpEffort, smartSubsample: false, keep: Enums.ForeignKeep.None),
        DerivativeFormat.Avif => image.HeifsaveBuffer(q: quality, effort: AvifEffort, bitdepth: 8,
            compression: Enums.ForeignHeifCompression.Av1, encoder: Enums.ForeignHeifEncoder.Aom,
            subsampleMode: Enums.ForeignSubsample.Auto, keep: Enums.ForeignKeep.None),
        DerivativeFormat.Jpeg => Jpeg(image, quality),
        DerivativeFormat.Png => image.PngsaveBuffer(compression: PngCompression, bitdepth: 8, interlace: false, keep: Enums.ForeignKeep.None),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static byte[] Jpeg(Image image, int quality)
    {
        using var opaque = image.HasAlpha() ? image.Flatten(background: White) : image.Copy();
        // Optimised Huffman tables: a few per cent smaller for the same pixels, at almost no cost.
        // Progressive: the picture shows at once, coarse, and sharpens as it loads.
        return opaque.JpegsaveBuffer(q: quality, optimizeCoding: true, interlace: true,
            subsampleMode: Enums.ForeignSubsample.Auto, keep: Enums.ForeignKeep.None);
    }
}
