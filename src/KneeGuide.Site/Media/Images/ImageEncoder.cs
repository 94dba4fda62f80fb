namespace KneeGuide.Site.Media.Images;

/// <summary>Encodes a source image's derivatives. Safe to call from many threads at once.</summary>
public static class ImageEncoder
{
    /// <summary>
    /// The source, upright (EXIF orientation applied), resized to <see cref="ImageDerivative.Width"/>
    /// keeping its aspect ratio (or kept at its own width if it is narrower: never enlarged), in sRGB,
    /// in the derivative's format, with no metadata at all. The same file and spec give the same bytes
    /// on every run and every machine with the same library version. Writes nothing: the caller does.
    /// Throws <see cref="ImageProcessingException"/> for a file that is not a readable JPEG, PNG, WebP,
    /// GIF or AVIF image. An animated GIF or WebP gives its first frame.
    /// </summary>
    public static byte[] Encode(string sourcePath, ImageDerivative spec) => ImageEngine.Run(sourcePath, () =>
    {
        SourceImage.Open(sourcePath, out _).Dispose();
        using var pixels = WebPixels.AtWidth(sourcePath, spec.Width);
        return FormatWriter.Write(pixels, spec.Format, spec.Quality);
    });

    /// <summary>
    /// Every spec's bytes, in the order given, each exactly what <see cref="Encode"/> gives for it; but
    /// the source is decoded and resized once per distinct width rather than once per spec. That matters
    /// for a PNG, which (unlike a JPEG) cannot be decoded at a reduced scale: a 6-megapixel PNG's
    /// twelve derivatives would otherwise decode it twelve times.
    /// </summary>
    public static IReadOnlyList<byte[]> EncodeAll(string sourcePath, IReadOnlyList<ImageDerivative> specs) => ImageEngine.Run(sourcePath, () =>
    {
        SourceImage.Open(sourcePath, out _).Dispose();
        var results = new byte[specs.Count][];
        foreach (var width in specs.Select(s => s.Width).Distinct())
        {
            using var resized = WebPixels.AtWidth(sourcePath, width);
            // libvips evaluates lazily: without this copy every save would run the decode and resize again.
            using var pixels = resized.CopyMemory();
            for (var i = 0; i < specs.Count; i++)
            {
                if (specs[i].Width == width)
                {
                    results[i] = FormatWriter.Write(pixels, specs[i].Format, specs[i].Quality);
                }
            }
        }

        return results;
    });
}
