using System.Text.RegularExpressions;
using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Content;

/// <summary>
/// Finds the YAML front matter between the first two <c>---</c> lines without cutting it off the
/// file, so the Markdown parser still sees the whole file and every line number stays the file's.
/// </summary>
public static partial class FrontMatterSplitter
{
    /// <summary>The YAML text (file line 2 onwards), or null when the file has no front matter.</summary>
    public static string? Split(string text, string file, DiagnosticBag diagnostics)
    {
        if (!IsFence(text, 0, out var firstEnd))
        {
            return null;
        }

        var start = firstEnd;
        var close = ClosingFence(text, start);
        if (close < 0)
        {
            diagnostics.Add(Diagnostic.Error(
                ErrorCodes.UnclosedFrontMatter,
                new SourceLocation(file, 1, 1),
                "front matter opened with '---' on line 1 is never closed: add a line with only '---' after the last key"));
            return string.Empty;
        }

        // The closing '---' may have been forgotten while the body has a '---' rule further down: then
        // text follows a blank line inside what looks like front matter. Reported at that text, not
        // at whatever YAML error it causes, and the keys above it are still read.
        var position = start;
        var line = 2;
        var blankBefore = false;
        var lastKeyLine = 1;
        while (position < close)
        {
            var lineEnd = text.IndexOf('\n', position);
            var next = lineEnd < 0 ? text.Length : lineEnd + 1;
            var content = text.AsSpan(position, next - position).TrimEnd();
            if (blankBefore && LooksLikeBody(content))
            {
                diagnostics.Add(Diagnostic.Error(
                    ErrorCodes.UnclosedFrontMatter,
                    new SourceLocation(file, line, 1),
                    $"the front matter opened with '---' on line 1 is not closed before this text: add a line with only '---' after the last key (line {lastKeyLine})"));
                return text[start..position];
            }

            if (content.Length > 0)
            {
                lastKeyLine = line;
            }

            blankBefore = content.Length == 0;
            position = next;
            line++;
        }

        return text[start..close];
    }

    /// <summary>Where the line that closes the front matter ('---' or '...') starts, or -1.</summary>
    private static int ClosingFence(string text, int start)
    {
        for (var position = start; position < text.Length;)
        {
            var lineEnd = text.IndexOf('\n', position);
            var next = lineEnd < 0 ? text.Length : lineEnd + 1;
            if (IsFence(text, position, out _) || IsLine(text, position, next, "..."))
            {
                return position;
            }

            position = next;
        }

        return -1;
    }

    /// <summary>
    /// A line after a blank line that cannot be front matter: a Markdown heading of level 2 or more (one "#" is more likely a YAML comment), or prose (a line that
    /// is not a key, a list item, a comment or an indented continuation). Keys never contain spaces.
    /// </summary>
    private static bool LooksLikeBody(ReadOnlySpan<char> line) =>
        line.Length > 0 && (MarkdownHeading().IsMatch(line) || (!char.IsWhiteSpace(line[0]) && line[0] is not '-' and not '#' && !YamlKey().IsMatch(line)));

    private static bool IsFence(string text, int position, out int next)
    {
        var lineEnd = text.IndexOf('\n', position);
        next = lineEnd < 0 ? text.Length : lineEnd + 1;
        return IsLine(text, position, next, "---");
    }

    private static bool IsLine(string text, int start, int next, string marker) =>
        text.AsSpan(start, next - start).TrimEnd().SequenceEqual(marker);

    [GeneratedRegex(@"^#{2,6}\s+\S")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-]*\s*:(\s|$)")]
    private static partial Regex YamlKey();
}
