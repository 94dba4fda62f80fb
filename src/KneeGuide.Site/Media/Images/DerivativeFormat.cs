namespace KneeGuide.Site.Media.Images;

/// <summary>The formats a published derivative is encoded in: WebP and AVIF for modern browsers, JPEG
/// (photos) or PNG (images with transparency) as the fallback every browser shows.</summary>
public enum DerivativeFormat
{
    Webp,
    Avif,
    Jpeg,
    Png,
}
