using KneeGuide.Core;
using KneeGuide.Site.Diagnostics;

namespace KneeGuide.Site.Content;

/// <summary>
/// Finds the YAML front matter between the first two <c>---</c> lines without cutting it off the
/// file, so the Markdown parser still sees the whole file and every line number stays the file's.
/// </summary>
public static class FrontMatterSplitter
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
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            var next = lineEnd < 0 ? text.Length : lineEnd + 1;
            if (IsFence(text, position, out _) || IsLine(text, position, next, "..."))
            {
                return text[start..position];
            }

            position = next;
        }

        diagnostics.Add(Diagnostic.Error(
            ErrorCodes.UnclosedFrontMatter,
            new SourceLocation(file, 1, 1),
            "front matter opened with '---' on line 1 is never closed: add a line with only '---' after the last key"));
        return string.Empty;
    }

    private static bool IsFence(string text, int position, out int next)
    {
        var lineEnd = text.IndexOf('\n', position);
        next = lineEnd < 0 ? text.Length : lineEnd + 1;
        return IsLine(text, position, next, "---");
    }

    private static bool IsLine(string text, int start, int next, string marker) =>
        text.AsSpan(start, next - start).TrimEnd().SequenceEqual(marker);
}
