using System.Globalization;
using System.Net;
using System.Text;
using KneeGuide.Site.Media.Images;

namespace KneeGuide.Site.Media;

/// <summary>
/// The HTML of images and clips: the one writer used by Markdown bodies and by the views templates
/// show (hero images, exercise figures, cards), so every picture on the site is marked up alike.
/// Every value is HTML-encoded.
/// </summary>
public static class MediaHtml
{
    /// <summary>
    /// A photo as a &lt;picture&gt; (AVIF and WebP sources, a JPEG or PNG img with its own srcset), a
    /// drawing as an img; always with width and height (its shape, so nothing moves as it loads), and
    /// lazy unless it is the page's first image, which loads at once with high priority.
    /// </summary>
    public static string Picture(MediaImage image, string alt, ImageSlot slot, ImageLoading loading, string? imgClass = null)
    {
        var html = new StringBuilder(512);
        var fallback = image.Fallbacks.ToList();
        if (fallback.Count > 0)
        {
            html.Append("<picture>");
            foreach (var format in new[] { DerivativeFormat.Avif, DerivativeFormat.Webp })
            {
                var copies = image.Derivatives.Where(d => d.Spec.Format == format).ToList();
                if (copies.Count > 0)
                {
                    html.Append("<source type=\"").Append(copies[0].Spec.MediaType).Append("\" srcset=\"").Append(Encode(image.Srcset(copies)))
                        .Append("\" sizes=\"").Append(Encode(slot.Sizes)).Append("\">");
                }
            }
        }

        // The img's own src: the copy a phone at twice its density would pick, for browsers that
        // ignore srcset; its width and height give the shape.
        var main = fallback.Count == 0 ? null : fallback.FirstOrDefault(f => f.Spec.Width >= slot.CssWidth) ?? fallback[^1];
        html.Append("<img");
        if (imgClass is not null)
        {
            html.Append(" class=\"").Append(Encode(imgClass)).Append('"');
        }

        html.Append(" src=\"").Append(Encode(main?.Url ?? image.Url)).Append('"');
        if (main is not null)
        {
            html.Append(" srcset=\"").Append(Encode(image.Srcset(fallback))).Append("\" sizes=\"").Append(Encode(slot.Sizes)).Append('"');
        }

        var (width, height) = main is null ? (image.Width, image.Height) : (main.Spec.Width, main.Height);
        if (width > 0 && height > 0)
        {
            html.Append(" width=\"").Append(width.ToString(CultureInfo.InvariantCulture)).Append("\" height=\"").Append(height.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append(" alt=\"").Append(Encode(alt)).Append('"');
        html.Append(loading == ImageLoading.Eager ? " fetchpriority=\"high\" decoding=\"async\">" : " loading=\"lazy\" decoding=\"async\">");
        if (fallback.Count > 0)
        {
            html.Append("</picture>");
        }

        return html.ToString();
    }

    /// <summary>
    /// A clip with the browser's own controls: nothing downloads before the reader presses play
    /// (preload none), it never plays by itself, and its captions are a track the player offers.
    /// </summary>
    public static string Video(MediaVideo video, string title, MediaStrings strings)
    {
        var html = new StringBuilder(512);
        html.Append("<video controls preload=\"none\" playsinline");
        if (video.Poster is { } poster)
        {
            html.Append(" poster=\"").Append(Encode(poster.Url)).Append('"');
        }

        if (video.Width > 0 && video.Height > 0)
        {
            html.Append(" width=\"").Append(video.Width.ToString(CultureInfo.InvariantCulture)).Append("\" height=\"").Append(video.Height.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append(" aria-label=\"").Append(Encode(title)).Append("\">");
        html.Append("<source src=\"").Append(Encode(video.Url)).Append("\" type=\"").Append(video.MediaType).Append("\">");
        foreach (var captions in video.Captions)
        {
            html.Append("<track kind=\"captions\" src=\"").Append(Encode(captions.Url)).Append("\" srclang=\"").Append(Encode(captions.Language))
                .Append("\" label=\"").Append(Encode(LanguageNames.Of(captions.Language))).Append('"').Append(captions.IsDefault ? " default>" : ">");
        }

        html.Append("<a href=\"").Append(Encode(video.Url)).Append("\">").Append(Encode(strings.DownloadVideo)).Append("</a></video>");
        return html.ToString();
    }

    /// <summary>
    /// A YouTube or Vimeo video as a local placeholder: a link to the video with a play button. The
    /// theme's video-facade.js swaps in the privacy-enhanced player only when the reader presses it,
    /// so no request reaches the video host before that; without JavaScript it is a plain link.
    /// </summary>
    public static string OnlineVideo(OnlineVideo video, string title, MediaStrings strings)
    {
        var html = new StringBuilder(512);
        html.Append("<div class=\"video-facade\" data-embed=\"").Append(Encode(video.EmbedUrl)).Append("\" data-title=\"").Append(Encode(title)).Append("\">");
        html.Append("<a class=\"video-facade-link\" href=\"").Append(Encode(video.WatchUrl)).Append("\">");
        html.Append("<span class=\"video-play\" aria-hidden=\"true\"></span>");
        html.Append("<span class=\"video-facade-title\">").Append(Encode(title)).Append("</span>");
        html.Append("<span class=\"video-facade-note\">").Append(Encode(string.Format(CultureInfo.InvariantCulture, strings.PlaysFrom, video.ProviderName))).Append("</span>");
        html.Append("</a></div>");
        return html.ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
