using Markdig;
using Markdig.Renderers;

namespace KneeGuide.Site.Markdown.Extensions.ExerciseCard;

/// <summary>Registers the exercise card renderer. The blocks themselves are made by the link rewriter,
/// which is the step that knows which file a link points to.</summary>
public sealed class ExerciseCardExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlExerciseCardRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlExerciseCardRenderer());
        }
    }
}
