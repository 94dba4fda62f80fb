using System.Globalization;
using System.Text;

namespace KneeGuide.Site.Templates;

/// <summary>
/// A QR code as an inline SVG, drawn at build time: one path of dark modules (presentation
/// attributes only, no style attribute, so the page's Content-Security-Policy needs no 'unsafe-inline'),
/// the quiet zone included, the same bytes for the same text on every build.
/// </summary>
public static class QrSvg
{
    /// <param name="text">What the code holds (a page's address).</param>
    /// <remarks>Hidden from screen readers: the sheet prints the address beside it in words.</remarks>
    public static string Of(string text)
    {
        var code = QrCode.Of(text);
        var size = code.Size;
        var path = new StringBuilder(size * size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (!code[x, y])
                {
                    continue;
                }

                var start = x;
                while (x + 1 < size && code[x + 1, y])
                {
                    x++;
                }

                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start + 1}v1h-{x - start + 1}z");
            }
        }

        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{size * 3}\" height=\"{size * 3}\" aria-hidden=\"true\" focusable=\"false\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
