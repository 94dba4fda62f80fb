namespace KneeGuide.Site.Media.Images;

/// <summary>Every derivative the site publishes for one source image: the product's policy in one place.</summary>
public static class DerivativeSet
{
    /// <summary>
    /// For each of <see cref="DerivativeWidths.For"/>'s widths: WebP, AVIF (unless <paramref name="includeAvif"/>
    /// is false, e.g. for a fast preview), and the fallback every browser shows: PNG when the source has an
    /// alpha channel, JPEG otherwise. Ordered by width, then in that format order.
    /// </summary>
    public static IReadOnlyList<ImageDerivative> For(ImageInfo source, bool includeAvif = true)
    {
        var fallback = source.HasAlpha ? DerivativeFormat.Png : DerivativeFormat.Jpeg;
        var derivatives = new List<ImageDerivative>();
        foreach (var width in DerivativeWidths.For(source.Width))
        {
            derivatives.Add(new ImageDerivative(width, DerivativeFormat.Webp));
            if (includeAvif)
            {
                derivatives.Add(new ImageDerivative(width, DerivativeFormat.Avif));
            }

            derivatives.Add(new ImageDerivative(width, fallback));
        }

        return derivatives;
    }
}
