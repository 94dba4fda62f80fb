using KneeGuide.Site.Media;
using Markdig.Parsers;
using Markdig.Syntax;

namespace KneeGuide.Site.Markdown.Extensions.Media;

/// <summary>A clip from videos/ written as an image alone in its paragraph: ![Heel raise](../videos/heel-raise-demo.mp4).</summary>
public sealed class VideoFigureBlock(BlockParser? parser, MediaVideo video, string title, string caption) : LeafBlock(parser)
{
    public MediaVideo Video { get; } = video;

    /// <summary>The alt text: what the clip shows (the player's accessible name).</summary>
    public string Title { get; } = title;

    /// <summary>The caption under it: the image title if one is given, else the alt text.</summary>
    public string Caption { get; } = caption;
}

/// <summary>A YouTube or Vimeo link titled "video" alone in its paragraph.</summary>
public sealed class OnlineVideoBlock(BlockParser? parser, OnlineVideo video, string title) : LeafBlock(parser)
{
    public OnlineVideo Video { get; } = video;

    public string Title { get; } = title;
}
