using KneeGuide.Site.Content;
using KneeGuide.Site.Media.Images;

namespace KneeGuide.Site.Media;

/// <summary>
/// Which files the site publishes for a photo, and under which names: the policy in one place.
/// Copies are named after the whole source file name, so knee.jpg and knee.png never share one:
/// images/knee.jpg.960w.webp, images/knee.jpg.og.jpg.
/// </summary>
public static class ImagePlan
{
    /// <summary>The width of the copy published under the source's own name, unless originals are published.</summary>
    public const int SameNameMaxWidth = 1920;

    public static MediaImage ForPhoto(string file, ImageInfo info, long bytes, ImageSettings settings)
    {
        var derivatives = DerivativeSet.For(info, settings.Avif)
            .Select(spec => Published($"images/{file}.{spec.Width}w.{spec.Extension}", spec, info))
            .ToList();
        var sameWidth = settings.PublishOriginals ? info.Width : Math.Min(info.Width, SameNameMaxWidth);
        var sameName = Published("images/" + file, new ImageDerivative(sameWidth, SameNameFormat(info.Format)), info);
        var crop = new PublishedImage($"images/{file}.og.jpg", new ImageDerivative(OpenGraphImage.Width, DerivativeFormat.Jpeg), OpenGraphImage.Height);
        return new MediaImage
        {
            File = file,
            Width = info.Width,
            Height = info.Height,
            SourceBytes = bytes,
            Derivatives = derivatives,
            SameName = sameName,
            OpenGraph = crop,
        };
    }

    /// <summary>The copy under the source's own name keeps the source's format, so its file name stays true.</summary>
    public static DerivativeFormat SameNameFormat(ImageFormat source) => source switch
    {
        ImageFormat.Png => DerivativeFormat.Png,
        ImageFormat.Webp => DerivativeFormat.Webp,
        ImageFormat.Avif => DerivativeFormat.Avif,
        _ => DerivativeFormat.Jpeg,
    };

    private static PublishedImage Published(string destination, ImageDerivative spec, ImageInfo info) =>
        new(destination, spec, Math.Max(1, (int)Math.Round((double)info.Height * spec.Width / info.Width)));
}
