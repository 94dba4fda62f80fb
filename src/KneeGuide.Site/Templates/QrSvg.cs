using System.Globalization;
using System.Text;
using QRCoder;

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
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x])
                {
                    continue;
                }

                var start = x;
                while (x + 1 < size && row[x + 1])
                {
                    x++;
                }

                path.Append(CultureInfo.InvariantCulture, $"M{start} {y}h{x - start + 1}v1h-{x - start + 1}z");
            }
        }

        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{size * 3}\" height=\"{size * 3}\" aria-hidden=\"true\" focusable=\"false\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>";
    }
}
