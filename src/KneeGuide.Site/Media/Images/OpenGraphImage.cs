namespace KneeGuide.Site.Media.Images;

/// <summary>The picture a link preview shows (og:image): one size for every page and every source.</summary>
public static class OpenGraphImage
{
    public const int Width = 1200;

    public const int Height = 630;

    /// <summary>
    /// A 1200x630 JPEG of the source, upright, scaled to cover the card and cropped to its busiest part
    /// (see <see cref="WebPixels.Cropped"/>), transparency on white, without metadata, deterministic.
    /// A source smaller than the card is enlarged (blurry, but a card has one size; the og:image:width
    /// and og:image:height tags can then be constants).
    /// </summary>
    public static byte[] Crop(string sourcePath) => ImageEngine.Run(sourcePath, () =>
    {
        SourceImage.Open(sourcePath, out _).Dispose();
        using var pixels = WebPixels.Cropped(sourcePath, Width, Height);
        return FormatWriter.Write(pixels, DerivativeFormat.Jpeg, ImageDerivative.DefaultQuality(DerivativeFormat.Jpeg));
    });
}
