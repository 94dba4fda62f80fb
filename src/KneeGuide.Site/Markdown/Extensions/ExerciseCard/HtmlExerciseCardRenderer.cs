using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace KneeGuide.Site.Markdown.Extensions.ExerciseCard;

/// <summary>
/// Writes a marker that the layout step replaces with the theme's exercise-card partial: the card's
/// look belongs to the theme, and the exercise's data is only complete once every exercise is read.
/// </summary>
public sealed class HtmlExerciseCardRenderer : HtmlObjectRenderer<ExerciseCardBlock>
{
    public const string MarkerStart = "<!--kg:card:";
    public const string MarkerEnd = "-->";

    protected override void Write(HtmlRenderer renderer, ExerciseCardBlock obj)
    {
        renderer.EnsureLine();
        renderer.Write(MarkerStart).Write(obj.ExerciseId).Write(MarkerEnd).WriteLine();
    }
}
