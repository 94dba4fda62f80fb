using NetVips;

namespace KneeGuide.Site.Media.Images;

/// <summary>
/// Opens a source image for reading, after checking from its first bytes that it is one of the five
/// raster formats the site publishes: a file named .jpg that is really an SVG, a PDF or a TIFF is
/// refused before any loader for those formats runs.
/// </summary>
internal static class SourceImage
{
    /// <summary>
    /// The largest image accepted, in pixels (width times height): 100 megapixels, past any phone or
    /// camera, but far below what a crafted header can claim (a 'decompression bomb').
    /// </summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>The format the file's content is in; throws for anything else.</summary>
    public static ImageFormat Detect(string path)
    {
        if (!File.Exists(path))
        {
            throw new ImageProcessingException($"{path}: no such file");
        }

        // The loader libvips would pick, from the file's magic bytes (its name does not count).
        var loader = Image.FindLoad(path);
        return loader switch
        {
            "VipsForeignLoadJpegFile" => ImageFormat.Jpeg,
            "VipsForeignLoadPngFile" => ImageFormat.Png,
            "VipsForeignLoadWebpFile" => ImageFormat.Webp,
            "VipsForeignLoadNsgifFile" or "VipsForeignLoadGifFile" => ImageFormat.Gif,
            // HEIF is a container: it holds AVIF (AV1) or HEIC (HEVC); Open tells them apart.
            "VipsForeignLoadHeifFile" => ImageFormat.Avif,
            // No loader, or only one that BlockUntrusted turned off (SVG, PDF, TIFF and the like).
            null or "" => throw new ImageProcessingException($"{path}: not a JPEG, PNG, WebP, GIF or AVIF image"),
            _ => throw new ImageProcessingException($"{path}: not a JPEG, PNG, WebP, GIF or AVIF image ({Describe(loader)})"),
        };
    }

    /// <summary>Opens the file lazily (only the header is read until pixels are asked for), checked as <see cref="Detect"/> says.</summary>
    public static Image Open(string path, out ImageFormat format)
    {
        format = Detect(path);
        var image = Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Truncated);
        try
        {
            if (format == ImageFormat.Avif && !IsAv1(image))
            {
                throw new ImageProcessingException($"{path}: a HEIF image that is not AVIF (HEIC, say): convert it to JPEG or AVIF");
            }

            if ((long)image.Width * image.Height > MaxPixels)
            {
                throw new ImageProcessingException($"{path}: {image.Width}x{image.Height} is larger than the {MaxPixels / 1_000_000} megapixels accepted");
            }

            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    private static bool IsAv1(Image image) =>
        image.Contains("heif-compression") && image.Get("heif-compression") is string compression && compression == "av1";

    // "VipsForeignLoadSvgFile" -> "Svg"
    private static string Describe(string loader) =>
        loader.Replace("VipsForeignLoad", "", StringComparison.Ordinal).Replace("File", "", StringComparison.Ordinal);
}
