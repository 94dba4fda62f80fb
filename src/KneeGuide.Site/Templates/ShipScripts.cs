using System.Text;
using KneeGuide.Core;

namespace KneeGuide.Site.Templates;

/// <summary>
/// Process phase of the theme's assets: each script is published without its whole-line comments
/// and its indentation. The theme's scripts explain themselves in comments (a quarter of the search
/// scripts' bytes after gzip), and every search fetches them; a reader's phone needs none of it.
/// Only what cannot change the program goes: a line that is nothing but a // comment, and the spaces
/// before a line's first character; line breaks stay, so automatic semicolons fall as before. A
/// script where that could touch a string (a template literal, a line continued with a backslash)
/// is published as written. A general minifier (NUglify) was not used: its parser lags the
/// JavaScript the theme writes, and a misread script fails only in the reader's browser.
/// </summary>
public sealed class ShipScripts : ParallelModule
{
    protected override Document? Execute(Document input, IDocumentContext context)
    {
        if (input.Destination is not { } destination || !destination.EndsWith(".js", StringComparison.Ordinal))
        {
            return input;
        }

        return Trimmed(input.Content.ReadText()) is { } trimmed ? input.WithContent(DocumentContent.FromUtf8(Encoding.UTF8.GetBytes(trimmed))) : input;
    }

    /// <summary>The script without whole-line comments and indentation; null when it must ship as written.</summary>
    public static string? Trimmed(string script)
    {
        var kept = new StringBuilder(script.Length);
        foreach (var raw in script.Split('\n'))
        {
            var line = raw.TrimEnd('\r').TrimStart(' ', '\t');
            if (line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Contains('`') || line.EndsWith('\\'))
            {
                return null;
            }

            kept.Append(line).Append('\n');
        }

        // One line break at the end, as the source had.
        var text = kept.ToString().TrimEnd('\n');
        return text.Length == 0 ? text : text + "\n";
    }
}
