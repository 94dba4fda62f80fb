using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace KneeGuide.Site.Media;

/// <summary>
/// Gives an &lt;img&gt; that an editor wrote in raw HTML what the site's own pictures have: a srcset
/// of the photo's copies with sizes, width and height (its shape, so nothing moves as it loads),
/// lazy loading. Only attributes the editor did not write are added; the src stays as written
/// (/images/&lt;file&gt; is published for every photo), so the markup means what the editor meant.
/// </summary>
public static partial class RawImageMarkup
{
    /// <param name="imageAt">The site's image an src points at (as a browser would resolve it from the page), or null.</param>
    public static string Enhance(string html, Func<string, MediaImage?> imageAt)
    {
        if (html.IndexOf("<img", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return html;
        }

        return ImgTag().Replace(html, match =>
        {
            var tag = match.Value;
            var attributes = Attributes(tag);
            if (!attributes.TryGetValue("src", out var src) || imageAt(WebUtility.HtmlDecode(src)) is not { } image)
            {
                return tag;
            }

            var added = new StringBuilder();
            var fallback = image.Fallbacks.ToList();
            if (fallback.Count > 0 && !attributes.ContainsKey("srcset"))
            {
                // WebP in an img's own srcset: every browser in use shows it; AVIF only through <picture>.
                var webp = image.Derivatives.Where(d => d.Spec.Format == Images.DerivativeFormat.Webp).ToList();
                added.Append(" srcset=\"").Append(WebUtility.HtmlEncode(image.Srcset(webp.Count > 0 ? webp : fallback))).Append('"');
                if (!attributes.ContainsKey("sizes"))
                {
                    added.Append(" sizes=\"").Append(WebUtility.HtmlEncode(ImageSlot.Content.Sizes)).Append('"');
                }
            }

            if (!attributes.ContainsKey("width") && !attributes.ContainsKey("height") && image.Width > 0 && image.Height > 0)
            {
                added.Append(" width=\"").Append(image.Width).Append("\" height=\"").Append(image.Height).Append('"');
            }

            if (!attributes.ContainsKey("loading"))
            {
                added.Append(" loading=\"lazy\"");
            }

            if (!attributes.ContainsKey("decoding"))
            {
                added.Append(" decoding=\"async\"");
            }

            var end = tag.EndsWith("/>", StringComparison.Ordinal) ? tag.Length - 2 : tag.Length - 1;
            return tag[..end].TrimEnd() + added + tag[end..];
        });
    }

    private static Dictionary<string, string> Attributes(string tag)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(tag))
        {
            var value = attribute.Groups["d"].Success ? attribute.Groups["d"].Value
                : attribute.Groups["s"].Success ? attribute.Groups["s"].Value
                : attribute.Groups["u"].Value;
            found.TryAdd(attribute.Groups["name"].Value, value);
        }

        return found;
    }

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImgTag();

    [GeneratedRegex(@"\s(?<name>[A-Za-z_:][-A-Za-z0-9_:.]*)(\s*=\s*(""(?<d>[^""]*)""|'(?<s>[^']*)'|(?<u>[^\s""'=<>`]+)))?", RegexOptions.CultureInvariant)]
    private static partial Regex Attribute();
}
