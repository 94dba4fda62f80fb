using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KneeGuide.Site.Markdown.Extensions.CreditedFigure;

/// <summary>An image alone in its paragraph: rendered as a figure whose caption carries the credit.</summary>
public sealed class CreditedFigureBlock(BlockParser? parser, LinkInline image, string imageFile) : LeafBlock(parser)
{
    public LinkInline Image { get; } = image;

    /// <summary>The file name in images/ (for the credit look-up).</summary>
    public string ImageFile { get; } = imageFile;
}
