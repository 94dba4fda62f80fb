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
        var position = start;
        var line = 2;
        var blankBefore = false;
        var lastKeyLine = 1;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var next = lineEnd < 0 ? text.Length : lineEnd + 1;
            if (IsFence(text, position, out _) || IsLine(text, position, next, "..."))
            {
                return text[start..position];
            }

            var content = text.AsSpan(position, next - position).TrimEnd();
            if (blankBefore && LooksLikeBody(content))
            {
                // The closing '---' was forgotten and the body has a '---' rule further down (or none):
                // what follows the blank line is text, not YAML. Reported here, not at a YAML error
                // somewhere in the body, and the keys above are still read.
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

        diagnostics.Add(Diagnostic.Error(
            ErrorCodes.UnclosedFrontMatter,
            new SourceLocation(file, 1, 1),
            "front matter opened with '---' on line 1 is never closed: add a line with only '---' after the last key"));
        return string.Empty;
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
