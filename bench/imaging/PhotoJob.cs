namespace KneeGuide.ImagingBench;

/// <summary>What one library is asked to do with one source image, and the encoder settings to use.</summary>
public sealed record JobSettings(
    int WebpQuality,
    int JpegQuality,
    /// <summary>libvips' Q for AVIF; null skips AVIF (ImageSharp 2.1 has no AVIF encoder at all).</summary>
    int? AvifQuality,
    int AvifEffort,
    /// <summary>mozjpeg's trellis quantisation and quant table 3 on top of optimised Huffman tables (libvips only).</summary>
    bool MozJpeg);

/// <summary>One published file of the job: its name (width and format) and its bytes.</summary>
public sealed record JobOutput(string Name, byte[] Bytes);

/// <summary>
/// The product's per-photo work, done the way each library does it best: decode, apply the EXIF
/// orientation, drop every metadata block, resize to each width, encode WebP plus a JPEG (opaque) or
/// PNG (alpha) fallback, AVIF where asked, and the 1200x630 OpenGraph crop.
/// </summary>
public interface IPhotoJob
{
    string Library { get; }

    IReadOnlyList<JobOutput> Run(string source, JobSettings settings);

    /// <summary>One resize per width, then the same pixels encoded at every quality (for the equal-SSIM search);
    /// format "png" gives the lossless resize, the ceiling a lossy encode is measured against.</summary>
    IReadOnlyList<JobOutput> Sweep(string source, IReadOnlyList<int> widths, string format, IReadOnlyList<int> qualities, bool mozJpeg);
}

public static class Widths
{
    private static readonly int[] Standard = [480, 960, 1440, 1920];

    /// <summary>The product's rule: the standard widths up to the source width, plus the source width
    /// itself when it is under 1920 and not already one of them (never an upscale, never missing).</summary>
    public static IReadOnlyList<int> For(int sourceWidth)
    {
        var widths = Standard.Where(w => w <= sourceWidth).ToList();
        if (sourceWidth < Standard[^1] && !widths.Contains(sourceWidth))
        {
            widths.Add(sourceWidth);
        }

        return widths;
    }
}
