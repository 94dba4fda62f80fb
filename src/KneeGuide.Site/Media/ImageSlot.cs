namespace KneeGuide.Site.Media;

/// <summary>
/// Where on a page an image is shown, as the theme's CSS lays it out (theme/assets/css/site.css):
/// the <c>sizes</c> a browser needs to pick a copy before the CSS has loaded, and the widest the
/// slot gets in CSS pixels (for "this picture is too small for where it is shown").
/// </summary>
/// <param name="Sizes">The sizes attribute.</param>
/// <param name="CssWidth">The widest the slot is shown, in CSS pixels at one device pixel per CSS pixel.</param>
public sealed record ImageSlot(string Sizes, int CssWidth)
{
    /// <summary>The text column (.content, at most 46rem) and the hero and exercise figures in it; the page's padding (1rem each side) on a phone.</summary>
    public static ImageSlot Content { get; } = new("(min-width: 48rem) 46rem, calc(100vw - 2rem)", 736);

    /// <summary>An exercise card in a .card-grid (columns of at least 15.5rem, two beside the text column, one on a phone).</summary>
    public static ImageSlot Card { get; } = new("(min-width: 48rem) 23rem, calc(100vw - 2rem)", 368);
}

/// <summary>How soon an image loads: the page's first image at once and first in line, the rest when scrolled near.</summary>
public enum ImageLoading
{
    Lazy,
    Eager,
}
