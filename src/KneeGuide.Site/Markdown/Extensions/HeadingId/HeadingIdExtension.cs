using System.Text.RegularExpressions;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KneeGuide.Site.Markdown.Extensions.HeadingId;

/// <summary>
/// Custom heading ids, as Hugo, MkDocs and Docusaurus allow: <c>## Warm up {#warm-up}</c> gives the
/// heading the id <c>warm-up</c> whatever its text, so an anchor can outlive a reworded heading.
/// Only a trailing <c>{#id}</c> on a heading is read: Markdig's generic attributes would also turn
/// prose such as "10 {each side}" into attributes and silently drop it. The id is set when the
/// heading block closes, before the auto-identifier extension, which leaves an existing id alone.
/// </summary>
public sealed partial class HeadingIdExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings)
        {
            headings.Closed -= ReadCustomId;
            headings.Closed += ReadCustomId;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void ReadCustomId(BlockProcessor processor, Block block)
    {
        if (block is not HeadingBlock heading || heading.Lines.Count == 0)
        {
            return;
        }

        var line = heading.Lines.Lines[0];
        var text = line.Slice.ToString();
        var match = TrailingId().Match(text);
        if (!match.Success)
        {
            return;
        }

        heading.GetAttributes().Id = match.Groups["id"].Value;
        // Cut the "{#id}" (and the spaces before it) off the heading's text, so it is not shown.
        var slice = line.Slice;
        slice.End = slice.Start + match.Index - 1;
        line.Slice = slice;
        heading.Lines.Lines[0] = line;
    }

    [GeneratedRegex(@"\s*\{#(?<id>[^\s{}#""'<>]+)\}\s*$")]
    private static partial Regex TrailingId();
}
