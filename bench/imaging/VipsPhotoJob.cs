using NetVips;

namespace KneeGuide.ImagingBench;

/// <summary>
/// libvips: each width is a fresh thumbnail from the file, so a JPEG decodes at 1/2, 1/4 or 1/8 of its
/// size when that is still larger than the target (shrink-on-load); thumbnail applies the orientation.
/// Saving with keep=None writes no EXIF, XMP, IPTC or ICC block.
/// </summary>
public sealed class VipsPhotoJob : IPhotoJob
{
    public string Library => "netvips";

    private static Image Upright(string source) =>
        Image.NewFromFile(source, access: Enums.Access.Sequential).Autorot();

    private static Image Resized(string source, int width) =>
        // A height far past any real one: only the width limits; Size.Down: never enlarged.
        Image.Thumbnail(source, width, height: 10_000_000, size: Enums.Size.Down);

    public IReadOnlyList<JobOutput> Run(string source, JobSettings s)
    {
        var outputs = new List<JobOutput>();
        int sourceWidth;
        bool alpha;
        using (var header = Upright(source))
        {
            sourceWidth = header.Width;
            alpha = header.HasAlpha();
        }

        foreach (var width in Widths.For(sourceWidth))
        {
            // Resized once per width, kept in memory, encoded two or three times.
            using var thumb = Resized(source, width);
            using var pixels = thumb.CopyMemory();
            outputs.Add(new($"{width}.webp", pixels.WebpsaveBuffer(q: s.WebpQuality, effort: 4, keep: Enums.ForeignKeep.None)));
            outputs.Add(alpha
                ? new($"{width}.png", pixels.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None))
                : new($"{width}.jpg", Jpeg(pixels, s.JpegQuality, s.MozJpeg)));
            if (s.AvifQuality is int avifQ)
            {
                outputs.Add(new($"{width}.avif", pixels.HeifsaveBuffer(q: avifQ, effort: s.AvifEffort,
                    compression: Enums.ForeignHeifCompression.Av1, keep: Enums.ForeignKeep.None)));
            }
        }

        using var og = Image.Thumbnail(source, 1200, height: 630, crop: Enums.Interesting.Centre, size: Enums.Size.Both);
        using var flat = og.HasAlpha() ? og.Flatten(background: [255, 255, 255]) : og.Copy();
        outputs.Add(new("og.jpg", Jpeg(flat, s.JpegQuality, s.MozJpeg)));
        return outputs;
    }

    // 4:2:0 chroma at every q, as ImageSharp's encoder is set: libvips' default ("auto") turns
    // subsampling off from q=90, which doubles the bytes and would break the equal-SSIM search.
    private static byte[] Jpeg(Image image, int q, bool moz) => moz
        ? image.JpegsaveBuffer(q: q, optimizeCoding: true, trellisQuant: true, overshootDeringing: true, quantTable: 3,
            subsampleMode: Enums.ForeignSubsample.On, keep: Enums.ForeignKeep.None)
        : image.JpegsaveBuffer(q: q, optimizeCoding: true, subsampleMode: Enums.ForeignSubsample.On, keep: Enums.ForeignKeep.None);

    public IReadOnlyList<JobOutput> Sweep(string source, IReadOnlyList<int> widths, string format, IReadOnlyList<int> qualities, bool mozJpeg)
    {
        var outputs = new List<JobOutput>();
        foreach (var width in widths)
        {
            using var thumb = Resized(source, width);
            using var pixels = thumb.CopyMemory();
            if (format == "png")
            {
                outputs.Add(new($"{width}.png", pixels.PngsaveBuffer(compression: 1, keep: Enums.ForeignKeep.None)));
                continue;
            }

            foreach (var q in qualities)
            {
                var bytes = format switch
                {
                    "webp" => pixels.WebpsaveBuffer(q: q, effort: 4, keep: Enums.ForeignKeep.None),
                    "jpeg" => Jpeg(pixels, q, mozJpeg),
                    "avif" => pixels.HeifsaveBuffer(q: q, effort: 2, compression: Enums.ForeignHeifCompression.Av1, keep: Enums.ForeignKeep.None),
                    _ => throw new ArgumentException($"unknown format {format}"),
                };
                outputs.Add(new($"{width}-q{q}.{Extension(format)}", bytes));
            }
        }

        return outputs;
    }

    internal static string Extension(string format) => format switch { "jpeg" => "jpg", _ => format };
}
