using System.Net;
using KneeGuide.Site.Content;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace KneeGuide.Site.Markdown.Extensions.CreditedFigure;

public sealed class HtmlCreditedFigureRenderer(IReadOnlyDictionary<string, ImageCredit> credits) : HtmlObjectRenderer<CreditedFigureBlock>
{
    protected override void Write(HtmlRenderer renderer, CreditedFigureBlock obj)
    {
        var alt = Alt(obj);
        renderer.EnsureLine();
        renderer.Write("<figure class=\"figure\">");
        renderer.Write("<img src=\"").WriteEscapeUrl(obj.Image.Url).Write("\" alt=\"").WriteEscape(alt).Write("\" loading=\"lazy\">");
        renderer.Write("<figcaption>");
        var caption = string.IsNullOrEmpty(obj.Image.Title) ? alt : obj.Image.Title;
        renderer.WriteEscape(caption);
        if (credits.TryGetValue(obj.ImageFile, out var credit))
        {
            renderer.Write(" <span class=\"credit\">").Write(CreditHtml.Short(credit)).Write("</span>");
        }

        renderer.Write("</figcaption></figure>").WriteLine();
    }

    private static string Alt(CreditedFigureBlock obj)
    {
        var writer = new StringWriter();
        var plain = new HtmlRenderer(writer) { EnableHtmlForInline = false };
        plain.WriteChildren(obj.Image);
        writer.Flush();
        return WebUtility.HtmlDecode(writer.ToString());
    }
}
