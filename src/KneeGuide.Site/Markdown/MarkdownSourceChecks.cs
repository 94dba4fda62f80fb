using KneeGuide.Core;
using KneeGuide.Site.Content;
using KneeGuide.Site.Diagnostics;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace KneeGuide.Site.Markdown;

/// <summary>
/// Mistakes in a page's Markdown that the editor cannot see in the text: a heading whose '##' is
/// followed by an invisible character (so it is not a heading), a '##' with no space after it, and
/// an invisible character in a link's address or anchor (so it matches nothing).
/// </summary>
internal static class MarkdownSourceChecks
{
    /// <summary>A paragraph that starts with '##' was meant to be a heading.</summary>
    public static void CheckHeadingMarker(ParagraphBlock paragraph, string text, string display, DiagnosticBag diagnostics)
    {
        var start = paragraph.Span.Start;
        if (start < 0 || start >= text.Length || text[start] != '#')
        {
            return;
        }

        var hashes = 0;
        while (start + hashes < text.Length && text[start + hashes] == '#' && hashes < 7)
        {
            hashes++;
        }

        if (hashes is < 1 or > 6 || start + hashes >= text.Length)
        {
            return;
        }

        var after = text[start + hashes];
        var at = new SourceLocation(display, paragraph.Line + 1, paragraph.Column + hashes + 1);
        if (InvisibleCharacters.IsInvisible(after))
        {
            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.InvisibleCharacter,
                at,
                $"'{new string('#', hashes)}' is followed by {InvisibleCharacters.Name(after)} instead of a space, so this line is not a heading: replace it with an ordinary space"));
        }
        else if (hashes >= 2 && char.IsLetterOrDigit(after))
        {
            diagnostics.Add(Diagnostic.Warning(
                ErrorCodes.NotAHeading,
                at,
                $"'{new string('#', hashes)}' needs a space after it to make a heading: write '{new string('#', hashes)} {ReadWord(text, start + hashes)}...'"));
        }
    }

    /// <summary>An invisible character in a link's address or anchor, at its own column.</summary>
    public static bool CheckLinkUrl(LinkInline link, string? text, SourceLocation at, DiagnosticBag diagnostics)
    {
        var url = link.Url ?? "";
        var hidden = InvisibleCharacters.IndexOf(url);
        if (hidden < 0)
        {
            return true;
        }

        var column = at.Column;
        if (text is not null && link.UrlSpan.Start >= 0 && link.UrlSpan.Start < text.Length)
        {
            var lineStart = link.UrlSpan.Start == 0 ? 0 : text.LastIndexOf('\n', link.UrlSpan.Start - 1) + 1;
            column = link.UrlSpan.Start - lineStart + 1 + hidden;
        }

        var part = url.IndexOf('#') is var hash and >= 0 && hidden > hash ? "anchor" : "address";
        diagnostics.Add(Diagnostic.Error(
            ErrorCodes.InvisibleCharacter,
            at with { Column = column },
            $"the link's {part} '{InvisibleCharacters.Clean(url)}' has {InvisibleCharacters.Name(url[hidden])} in it, so it matches nothing: delete it and retype that part"));
        return false;
    }

    private static string ReadWord(string text, int from)
    {
        var end = from;
        while (end < text.Length && end - from < 20 && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[from..end];
    }
}
