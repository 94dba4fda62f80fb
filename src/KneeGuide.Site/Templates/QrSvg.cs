using System.Buffers;
using System.Globalization;

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
        // The path is written into one pooled buffer and copied once into the finished string: every
        // page with exercises has a code (~4 KB of path), and a growing StringBuilder and the copy of
        // its contents into an interpolated string were a third of the code's cost (docs/performance.md).
        // A row has at most size / 2 + 1 runs of dark modules, each at most "M999 999h999v1h-999z".
        var buffer = ArrayPool<char>.Shared.Rent((size * ((size / 2) + 1) * 20) + 16);
        try
        {
            var path = buffer.AsSpan();
            var at = 0;
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

                    var length = x - start + 1;
                    path[at++] = 'M';
                    at += Write(start, path[at..]);
                    path[at++] = ' ';
                    at += Write(y, path[at..]);
                    path[at++] = 'h';
                    at += Write(length, path[at..]);
                    "v1h-".CopyTo(path[at..]);
                    at += 4;
                    at += Write(length, path[at..]);
                    path[at++] = 'z';
                }
            }

            var head = $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{size * 3}\" height=\"{size * 3}\" aria-hidden=\"true\" focusable=\"false\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
            return string.Concat(head, path[..at], "\"/></svg>");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static int Write(int value, Span<char> into) =>
        value.TryFormat(into, out var written, provider: CultureInfo.InvariantCulture) ? written : throw new InvalidOperationException("QR path buffer too small");
}
