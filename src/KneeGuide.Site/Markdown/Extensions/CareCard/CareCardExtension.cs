using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace KneeGuide.Site.Markdown.Extensions.CareCard;

/// <summary>
/// The NHS's three levels of "when to get help" card, written as GitHub alerts (GitHub shows them as
/// quotes): <c>&gt; [!NON-URGENT]</c>, <c>&gt; [!URGENT]</c>, <c>&gt; [!EMERGENCY]</c>. Markdig's
/// alert extension makes the block (<see cref="AlertBlock"/>) but takes letters only, so
/// NON-URGENT's hyphen needs this parser in front of Markdig's; the other alerts (NOTE, TIP...) stay
/// Markdig's. Cards are rendered as an <c>&lt;aside&gt;</c> with a visible level heading, whose words
/// come from the theme (a marker the page renderer replaces, as for exercise cards).
/// </summary>
public sealed class CareCardExtension : IMarkdownExtension
{
    /// <summary>The levels, as written after <c>[!</c> and as the card's class and theme string key.</summary>
    public static readonly IReadOnlyList<string> Levels = ["non-urgent", "urgent", "emergency"];

    public const string MarkerStart = "<!--kg:care:";
    public const string MarkerEnd = "-->";

    public static bool IsCareCard(AlertBlock block) => Level(block) is not null;

    public static string? Level(AlertBlock block)
    {
        var kind = block.Kind.ToString().ToLowerInvariant();
        return Levels.Contains(kind) ? kind : null;
    }

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CareCardInlineParser>())
        {
            var alerts = pipeline.InlineParsers.FindExact<AlertInlineParser>();
            var at = alerts is null ? 0 : pipeline.InlineParsers.IndexOf(alerts);
            pipeline.InlineParsers.Insert(at, new CareCardInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlCareCardRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlCareCardRenderer());
        }
    }
}

/// <summary>Turns a top-level quote whose first line is <c>[!NON-URGENT]</c>, <c>[!URGENT]</c> or <c>[!EMERGENCY]</c> (any case) into an <see cref="AlertBlock"/>.</summary>
public sealed class CareCardInlineParser : InlineParser
{
    public CareCardInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '!'
            || processor.Block is not ParagraphBlock { Parent: QuoteBlock quote } paragraph
            || paragraph.Inline?.FirstChild is not null
            || quote is AlertBlock
            || quote.Parent is not MarkdownDocument)
        {
            return false;
        }

        var text = slice.Text.AsSpan(slice.Start, slice.Length);
        foreach (var level in CareCardExtension.Levels)
        {
            var tag = "[!" + level + "]";
            if (!text.StartsWith(tag, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Only spaces may follow on the line, as for GitHub's alerts.
            var rest = text[tag.Length..];
            var end = rest.IndexOfAny('\n', '\r');
            var line = end < 0 ? rest : rest[..end];
            if (!line.IsWhiteSpace())
            {
                return false;
            }

            var kindStart = slice.Start + 2;
            var kind = new StringSlice(slice.Text, kindStart, kindStart + level.Length - 1);
            var skip = tag.Length + (end < 0 ? rest.Length : end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1));
            slice.Start += skip;
            var card = new AlertBlock(kind) { Span = quote.Span, Line = quote.Line, Column = quote.Column };
            quote.ReplaceBy(card);
            processor.ReplaceParentContainer(quote, card);
            return true;
        }

        return false;
    }
}

/// <summary>
/// Writes a care card: <c>&lt;aside class="care-card care-card-urgent"&gt;</c> with a heading one
/// level below the heading it follows (so the page's outline stays in order) and the card's text.
/// </summary>
public sealed class HtmlCareCardRenderer : HtmlObjectRenderer<AlertBlock>
{
    private readonly AlertBlockRenderer _alerts = new();

    protected override void Write(HtmlRenderer renderer, AlertBlock obj)
    {
        if (CareCardExtension.Level(obj) is not { } level)
        {
            _alerts.Write(renderer, obj);
            return;
        }

        var heading = HeadingLevel(obj);
        renderer.EnsureLine();
        renderer.Write("<aside class=\"care-card care-card-").Write(level).Write("\">");
        renderer.Write("<h").Write(heading.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write(" class=\"care-card-heading\">");
        renderer.Write(CareCardExtension.MarkerStart).Write(level).Write(CareCardExtension.MarkerEnd);
        renderer.Write("</h").Write(heading.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write(">").WriteLine();
        renderer.Write("<div class=\"care-card-body\">").WriteLine();
        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = false;
        renderer.WriteChildren(obj);
        renderer.ImplicitParagraph = implicitParagraph;
        renderer.EnsureLine();
        renderer.Write("</div></aside>").WriteLine();
    }

    private static int HeadingLevel(Block block)
    {
        if (block.Parent is { } parent)
        {
            for (var i = parent.IndexOf(block) - 1; i >= 0; i--)
            {
                if (parent[i] is HeadingBlock previous)
                {
                    return Math.Min(previous.Level + 1, 6);
                }
            }
        }

        return 2;
    }
}
