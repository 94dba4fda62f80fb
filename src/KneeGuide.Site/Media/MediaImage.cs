using KneeGuide.Site.Media.Images;

namespace KneeGuide.Site.Media;

/// <summary>One published file made from a source image: where it goes and what it is.</summary>
/// <param name="Destination">Output path, e.g. <c>images/knee.960w.webp</c>.</param>
/// <param name="Spec">The encoding (width, format, quality).</param>
/// <param name="Height">Its height in pixels (the source's aspect ratio at <see cref="ImageDerivative.Width"/>).</param>
public sealed record PublishedImage(string Destination, ImageDerivative Spec, int Height)
{
    public string Url => "/" + string.Join('/', Destination.Split('/').Select(Uri.EscapeDataString));
}

/// <summary>
/// A file in <c>images/</c> as the site publishes it. An SVG is published as it is; a photo (JPEG,
/// PNG, WebP) as resized copies in modern formats without its metadata, plus a copy under its own
/// name (so <c>/images/&lt;file&gt;</c> keeps working) and a 1200x630 crop for link previews.
/// </summary>
public sealed record MediaImage
{
    /// <summary>The file name in images/.</summary>
    public required string File { get; init; }

    /// <summary>Size as displayed (after EXIF orientation); 0 when an SVG declares none.</summary>
    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>Bytes of the source file.</summary>
    public required long SourceBytes { get; init; }

    /// <summary>The copies made for srcset, by width then format (empty for an SVG).</summary>
    public IReadOnlyList<PublishedImage> Derivatives { get; init; } = [];

    /// <summary>The copy published under the source's own name (null for an SVG, copied as it is).</summary>
    public PublishedImage? SameName { get; init; }

    /// <summary>The link-preview crop (og:image), for photos.</summary>
    public PublishedImage? OpenGraph { get; init; }

    /// <summary>Whether it is a photo (resized and re-encoded) rather than a drawing (SVG).</summary>
    public bool IsRaster => SameName is not null;

    /// <summary>The address readers get for the file itself: /images/&lt;file&gt;.</summary>
    public string Url => "/images/" + Uri.EscapeDataString(File);

    /// <summary>The fallback format of its derivatives (JPEG or PNG): what an img's srcset lists.</summary>
    public IEnumerable<PublishedImage> Fallbacks => Derivatives.Where(d => d.Spec.Format is DerivativeFormat.Jpeg or DerivativeFormat.Png);

    /// <summary>A srcset of one format's copies ("/images/x.480w.webp 480w, ...").</summary>
    public string Srcset(IEnumerable<PublishedImage> copies) => string.Join(", ", copies.Select(c => $"{c.Url} {c.Spec.Width}w"));

    /// <summary>Every file published for this image (the derivatives, the same-name copy, the crop).</summary>
    public IEnumerable<PublishedImage> AllPublished =>
        Derivatives.Concat(SameName is null ? [] : [SameName]).Concat(OpenGraph is null ? [] : [OpenGraph]);
}
