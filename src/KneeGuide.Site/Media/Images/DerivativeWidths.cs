namespace KneeGuide.Site.Media.Images;

/// <summary>The widths a source image is published in (the srcset candidates).</summary>
public static class DerivativeWidths
{
    /// <summary>The standard widths, smallest first: a phone, a phone at 2x or a tablet, a laptop, a large screen.</summary>
    public static IReadOnlyList<int> Standard { get; } = [480, 960, 1440, 1920];

    /// <summary>
    /// The standard widths up to the source width, plus the source width itself when it is under the
    /// largest standard width and not one of them: the largest derivative is then the source's own size,
    /// never an upscale, and never missing (a 1000 px source gives 480, 960, 1000; a 400 px one gives 400;
    /// a 1920 px one gives all four; a 4032 px one gives all four and nothing larger).
    /// </summary>
    public static IReadOnlyList<int> For(int sourceWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceWidth, 1);
        var widths = new List<int>(Standard.Count + 1);
        foreach (var width in Standard)
        {
            if (width <= sourceWidth)
            {
                widths.Add(width);
            }
        }

        if (sourceWidth < Standard[^1] && !widths.Contains(sourceWidth))
        {
            widths.Add(sourceWidth);
        }

        return widths;
    }
}
