using NetVips;

namespace KneeGuide.Site.Media.Images;

/// <summary>Reads what a source image is from its header, without decoding its pixels.</summary>
public static class ImageProbe
{
    // Orientations 5 to 8 turn the picture a quarter turn: its displayed width is the stored height.
    private const int FirstQuarterTurnOrientation = 5;

    /// <summary>
    /// Size (as displayed, after the EXIF orientation), format, alpha, metadata blocks and orientation.
    /// Only the header is read (libvips opens images lazily), so a 12-megapixel JPEG costs milliseconds.
    /// Throws <see cref="ImageProcessingException"/> for a file that is not a readable JPEG, PNG, WebP,
    /// GIF or AVIF image.
    /// </summary>
    public static ImageInfo Probe(string path) => ImageEngine.Run(path, () =>
    {
        using var image = SourceImage.Open(path, out var format);
        var orientation = Orientation(image);
        var quarterTurn = orientation >= FirstQuarterTurnOrientation;
        return new ImageInfo(
            Width: quarterTurn ? image.Height : image.Width,
            Height: quarterTurn ? image.Width : image.Height,
            Format: format,
            HasAlpha: image.HasAlpha(),
            HasExif: image.Contains(MetadataFields.Exif),
            HasXmp: image.Contains(MetadataFields.Xmp),
            HasIptc: image.Contains(MetadataFields.Iptc),
            HasIccProfile: image.Contains(MetadataFields.IccProfile),
            Orientation: orientation);
    });

    private static int Orientation(Image image) =>
        image.Contains(MetadataFields.Orientation) && image.Get(MetadataFields.Orientation) is int value && value is >= 1 and <= 8
            ? value
            : 1;
}
