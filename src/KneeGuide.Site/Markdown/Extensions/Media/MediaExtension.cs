using System.Net;
using KneeGuide.Site.Content;
using KneeGuide.Site.Media;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace KneeGuide.Site.Markdown.Extensions.Media;

/// <summary>
/// Photos, drawings and clips in a Markdown body, written with <see cref="MediaHtml"/>: an image in
/// running text as a responsive picture, a clip alone in its paragraph as a player with captions,
/// a YouTube or Vimeo link titled "video" as a click-to-load player.
/// </summary>
public sealed class MediaExtension(MediaLibrary media, IReadOnlyDictionary<string, ImageCredit> videoCredits) : IMarkdownExtension
{
    /// <summary>The data key on an image's LinkInline marking it as the page's first image (loaded at once).</summary>
    public const string EagerKey = "kg-eager";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html || html.ObjectRenderers.Contains<HtmlVideoFigureRenderer>())
        {
            return;
        }

        html.ObjectRenderers.Insert(0, new HtmlVideoFigureRenderer(videoCredits));
        html.ObjectRenderers.Insert(0, new HtmlOnlineVideoRenderer());
        var links = html.ObjectRenderers.FindExact<LinkInlineRenderer>();
        if (links is not null)
        {
            html.ObjectRenderers.Remove(links);
        }

        html.ObjectRenderers.Add(new ResponsiveImageRenderer(media));
    }

    /// <summary>The image of a photo or drawing from images/, found by its rewritten address /images/&lt;file&gt;.</summary>
    public static MediaImage? ImageAt(MediaLibrary media, string? url) =>
        url is not null && url.StartsWith("/images/", StringComparison.Ordinal) && !url.Contains('#') && !url.Contains('?')
            && media.Images.TryGetValue(Uri.UnescapeDataString(url["/images/".Length..]), out var image)
            ? image
            : null;

    public static ImageLoading LoadingOf(LinkInline image) =>
        image.GetData(EagerKey) is true ? ImageLoading.Eager : ImageLoading.Lazy;
}

/// <summary>Images in running text (not alone in a paragraph): the picture markup when it is one of the site's images, Markdig's otherwise.</summary>
internal sealed class ResponsiveImageRenderer(MediaLibrary media) : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (link.IsImage && renderer.EnableHtmlForInline && MediaExtension.ImageAt(media, link.Url) is { } image)
        {
            renderer.Write(MediaHtml.Picture(image, HtmlCreditedFigureAlt.Of(link), ImageSlot.Content, MediaExtension.LoadingOf(link)));
            return;
        }

        base.Write(renderer, link);
    }
}

internal sealed class HtmlVideoFigureRenderer(IReadOnlyDictionary<string, ImageCredit> credits) : HtmlObjectRenderer<VideoFigureBlock>
{
    protected override void Write(HtmlRenderer renderer, VideoFigureBlock block)
    {
        renderer.EnsureLine();
        var words = MediaStrings.Of(block);
        renderer.Write("<figure class=\"video\">").Write(MediaHtml.Video(block.Video, block.Title, words));
        renderer.Write("<figcaption>").Write(WebUtility.HtmlEncode(block.Caption));
        if (credits.TryGetValue(block.Video.File, out var credit))
        {
            renderer.Write(" <span class=\"credit\">").Write(CreditHtml.Short(credit, words.VideoCredit)).Write("</span>");
        }

        renderer.Write("</figcaption></figure>").WriteLine();
    }
}

internal sealed class HtmlOnlineVideoRenderer : HtmlObjectRenderer<OnlineVideoBlock>
{
    protected override void Write(HtmlRenderer renderer, OnlineVideoBlock block)
    {
        renderer.EnsureLine();
        renderer.Write("<figure class=\"video-embed\">").Write(MediaHtml.OnlineVideo(block.Video, block.Title, MediaStrings.Of(block))).Write("</figure>").WriteLine();
    }
}

/// <summary>An image's alt text as plain text (its inline children without markup).</summary>
internal static class HtmlCreditedFigureAlt
{
    public static string Of(LinkInline image)
    {
        var writer = new StringWriter();
        var plain = new HtmlRenderer(writer) { EnableHtmlForInline = false };
        plain.WriteChildren(image);
        writer.Flush();
        return WebUtility.HtmlDecode(writer.ToString());
    }
}
