using System.Globalization;
using System.Xml;

namespace KneeGuide.Site.Media;

/// <summary>
/// The intrinsic size of an SVG drawing, from its root element's width and height (in px or
/// unitless), or its viewBox: what the page's img needs as width and height so that nothing moves
/// when it loads.
/// </summary>
public static class SvgSize
{
    /// <summary>(width, height) in CSS pixels, or null when the file declares neither or is not SVG.</summary>
    public static (int Width, int Height)? Read(string path)
    {
        try
        {
            // No DTD (an entity expansion bomb, or an external entity reading a file), no resolver.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName != "svg")
                {
                    return null;
                }

                var width = Length(reader.GetAttribute("width"));
                var height = Length(reader.GetAttribute("height"));
                var box = ViewBox(reader.GetAttribute("viewBox"));
                return (width, height, box) switch
                {
                    ({ } w, { } h, _) => (w, h),
                    ({ } w, null, { } b) => (w, (int)Math.Round(w * b.Height / b.Width)),
                    (null, { } h, { } b) => ((int)Math.Round(h * b.Width / b.Height), h),
                    (null, null, { } b) => ((int)Math.Round(b.Width), (int)Math.Round(b.Height)),
                    _ => null,
                };
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>A length in pixels: "480", "480px"; null for a percentage or another unit (no fixed size).</summary>
    private static int? Length(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.EndsWith("px", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? (int)Math.Round(number)
            : null;
    }

    private static (double Width, double Height)? ViewBox(string? value)
    {
        var parts = (value ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 4
            && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var h)
            && w > 0 && h > 0
            ? (w, h)
            : null;
    }
}
