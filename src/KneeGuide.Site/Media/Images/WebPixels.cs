using NetVips;

namespace KneeGuide.Site.Media.Images;

/// <summary>
/// A source image made ready for the web: decoded at the smallest scale the target allows, turned
/// upright by its EXIF orientation, resized with libvips' thumbnail (Lanczos 3), and converted to 8-bit
/// sRGB. Its metadata is still attached here; <see cref="FormatWriter"/> writes none of it.
/// </summary>
internal static class WebPixels
{
    /// <summary>Past any real image height: with it only the width limits the resize.</summary>
    private const int UnboundedHeight = 10_000_000;

    /// <summary>The source at <paramref name="width"/> pixels wide (or its own width if narrower: never enlarged).</summary>
    public static Image AtWidth(string path, int width) =>
        ToSrgb(Image.Thumbnail(path, width, height: UnboundedHeight, size: Enums.Size.Down, failOn: Enums.FailOn.Truncated));

    /// <summary>
    /// The source scaled to cover width x height and cropped to it, enlarged if it is smaller (a
    /// social card has one size). libvips' "attention" crop keeps the busiest part (edges, skin tones,
    /// saturated colour): a plain function of the pixels, so the same source always gives the same crop.
    /// </summary>
    public static Image Cropped(string path, int width, int height) =>
        ToSrgb(Image.Thumbnail(path, width, height: height, crop: Enums.Interesting.Attention, size: Enums.Size.Both,
            failOn: Enums.FailOn.Truncated));

    /// <summary>
    /// Pixels in 8-bit sRGB. A source with an embedded profile (a phone's Display P3, a camera's Adobe
    /// RGB, a print CMYK) is converted through it, because the derivatives carry no profile and browsers
    /// read an untagged image as sRGB: left as they are, P3 colours would look dull.
    /// </summary>
    private static Image ToSrgb(Image image)
    {
        using (image)
        {
            if (image.Contains(MetadataFields.IccProfile))
            {
                return image.IccTransform("srgb", embedded: true, intent: Enums.Intent.Relative, depth: 8);
            }

            if (image.Format == Enums.BandFormat.Uchar && image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw)
            {
                return image.Copy();
            }

            // 16-bit PNGs, and the odd untagged CMYK or Lab file: to 8-bit sRGB (greyscale stays grey).
            var target = image.Interpretation is Enums.Interpretation.Bw or Enums.Interpretation.Grey16
                ? Enums.Interpretation.Bw
                : Enums.Interpretation.Srgb;
            using var converted = image.Colourspace(target);
            return converted.Cast(Enums.BandFormat.Uchar);
        }
    }
}
