using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace KneeGuide.ImagingBench;

/// <summary>
/// ImageSharp 2.1: decodes the whole image once (2.1 cannot decode a JPEG at a reduced scale), turns it
/// upright, clears the metadata profiles, then resizes a clone per width with Lanczos3 (the kernel
/// libvips' thumbnail uses, so the two resizes are comparable). No AVIF encoder exists in 2.1.
/// </summary>
public sealed class ImageSharpPhotoJob : IPhotoJob
{
    public string Library => "imagesharp";

    private static Image<Rgba32> Upright(string source, out bool alpha)
    {
        var image = Image.Load<Rgba32>(source, out IImageFormat format);
        image.Mutate(x => x.AutoOrient());
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.IccProfile = null;
        }

        // An alpha channel only comes from PNG, WebP or GIF sources; JPEG has none.
        alpha = format is not JpegFormat && HasTransparentPixel(image);
        return image;
    }

    private static bool HasTransparentPixel(Image<Rgba32> image)
    {
        var found = false;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && !found; y++)
            {
                foreach (ref var p in rows.GetRowSpan(y))
                {
                    if (p.A != 255) { found = true; break; }
                }
            }
        });
        return found;
    }

    private static byte[] Save(Image image, IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }

    private static WebpEncoder Webp(int q) => new() { FileFormat = WebpFileFormatType.Lossy, Quality = q, Method = WebpEncodingMethod.Level4 };

    private static JpegEncoder Jpeg(int q) => new() { Quality = q, ColorType = JpegColorType.YCbCrRatio420 };

    private static Image<Rgba32> Resized(Image<Rgba32> upright, int width) =>
        upright.Clone(x => x.Resize(width, 0, KnownResamplers.Lanczos3));

    public IReadOnlyList<JobOutput> Run(string source, JobSettings s)
    {
        var outputs = new List<JobOutput>();
        using var upright = Upright(source, out var alpha);
        foreach (var width in Widths.For(upright.Width))
        {
            using var resized = width == upright.Width ? upright.Clone() : Resized(upright, width);
            outputs.Add(new($"{width}.webp", Save(resized, Webp(s.WebpQuality))));
            outputs.Add(alpha
                ? new($"{width}.png", Save(resized, new PngEncoder { ColorType = PngColorType.RgbWithAlpha, CompressionLevel = PngCompressionLevel.Level6 }))
                : new($"{width}.jpg", Save(resized, Jpeg(s.JpegQuality))));
        }

        using var og = upright.Clone(x => x.Resize(new ResizeOptions
        {
            Size = new Size(1200, 630), Mode = ResizeMode.Crop, Position = AnchorPositionMode.Center, Sampler = KnownResamplers.Lanczos3,
        }).BackgroundColor(Color.White));
        outputs.Add(new("og.jpg", Save(og, Jpeg(s.JpegQuality))));
        return outputs;
    }

    public IReadOnlyList<JobOutput> Sweep(string source, IReadOnlyList<int> widths, string format, IReadOnlyList<int> qualities, bool mozJpeg)
    {
        var outputs = new List<JobOutput>();
        using var upright = Upright(source, out _);
        foreach (var width in widths)
        {
            using var resized = Resized(upright, width);
            if (format == "png")
            {
                outputs.Add(new($"{width}.png", Save(resized, new PngEncoder { ColorType = PngColorType.Rgb, CompressionLevel = PngCompressionLevel.Level1 })));
                continue;
            }

            foreach (var q in qualities)
            {
                IImageEncoder encoder = format switch
                {
                    "webp" => Webp(q),
                    "jpeg" => Jpeg(q),
                    _ => throw new ArgumentException($"ImageSharp 2.1 cannot encode {format}"),
                };
                outputs.Add(new($"{width}-q{q}.{VipsPhotoJob.Extension(format)}", Save(resized, encoder)));
            }
        }

        return outputs;
    }
}
