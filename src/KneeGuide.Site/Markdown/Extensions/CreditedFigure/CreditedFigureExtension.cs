using KneeGuide.Site.Content;
using KneeGuide.Site.Media;
using Markdig;
using Markdig.Renderers;

namespace KneeGuide.Site.Markdown.Extensions.CreditedFigure;

public sealed class CreditedFigureExtension(IReadOnlyDictionary<string, ImageCredit> credits, MediaLibrary media) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlCreditedFigureRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlCreditedFigureRenderer(credits, media));
        }
    }
}
