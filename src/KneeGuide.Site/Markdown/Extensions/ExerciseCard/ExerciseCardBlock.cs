using Markdig.Parsers;
using Markdig.Syntax;

namespace KneeGuide.Site.Markdown.Extensions.ExerciseCard;

/// <summary>
/// An exercise card placed in the body. Editors write a paragraph holding only a link to an exercise
/// file with the title "card": <c>[Heel raises](../exercises/heel-raises.md "card")</c>. On GitHub that
/// stays a plain link; KneeGuide renders the exercise's card in its place.
/// </summary>
public sealed class ExerciseCardBlock(BlockParser? parser, string exerciseId, string fallbackText) : LeafBlock(parser)
{
    public string ExerciseId { get; } = exerciseId;

    public string FallbackText { get; } = fallbackText;
}
