using System.Net;
using KneeGuide.Site.Content;
using KneeGuide.Site.Markdown.Extensions.Media;
using KneeGuide.Site.Media;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace KneeGuide.Site.Markdown.Extensions.CreditedFigure;

public sealed class HtmlCreditedFigureRenderer(IReadOnlyDictionary<string, ImageCredit> credits, MediaLibrary media) : HtmlObjectRenderer<CreditedFigureBlock>
{
    protected override void Write(HtmlRenderer renderer, CreditedFigureBlock obj)
    {
        var alt = HtmlCreditedFigureAlt.Of(obj.Image);
        renderer.EnsureLine();
        renderer.Write("<figure class=\"figure\">");
        if (MediaExtension.ImageAt(media, obj.Image.Url) is { } image)
        {
            renderer.Write(MediaHtml.Picture(image, alt, ImageSlot.Content, MediaExtension.LoadingOf(obj.Image)));
        }
        else
        {
            renderer.Write("<img src=\"").WriteEscapeUrl(obj.Image.Url).Write("\" alt=\"").WriteEscape(alt).Write("\" loading=\"lazy\">");
        }

        renderer.Write("<figcaption>");
        var caption = string.IsNullOrEmpty(obj.Image.Title) ? alt : obj.Image.Title;
        renderer.WriteEscape(caption);
        if (credits.TryGetValue(obj.ImageFile, out var credit))
        {
            renderer.Write(" <span class=\"credit\">").Write(CreditHtml.Short(credit, MediaStrings.Of(obj).ImageCredit)).Write("</span>");
        }

        renderer.Write("</figcaption></figure>").WriteLine();
    }
}
