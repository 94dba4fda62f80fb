namespace KneeGuide.Site.Media.Images;

/// <summary>The raster formats a source image in input/images/ may be in (read by its content, not its name).</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Webp,
    Gif,
    Avif,
}
